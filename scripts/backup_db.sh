#!/usr/bin/env bash
# Backs up the database now, by hand: pg_dump through the database proxy to
# $BACKUP_DIR/db_backup_YYYYmmddHHMMSS.sql.gz with its SHA-256 beside it (.sha256). The application's
# timers do the same every night (and verify each backup by restoring it); this script is for the
# operator who wants one now, e.g. before an upgrade.
usage() {
    cat <<'HELP'
Uso: scripts/backup_db.sh [--help]

Respalda la base de datos ahora: pg_dump a través del proxy de la base (HAProxy) hacia
$BACKUP_DIR/db_backup_YYYYmmddHHMMSS.sql.gz, con su suma SHA-256 en el mismo nombre + .sha256.
El archivo se escribe con un nombre temporal (.partial) y solo toma su nombre final completo.

Configuración (variables de entorno; si faltan, las del clúster de scripts/cluster-up.sh):
  DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD   la base (en compose: db-proxy:5432)
  BACKUP_DIR                                    carpeta de respaldos (compose: /backups)
  BACKUP_TIMEZONE                               zona de la hora del nombre (America/Santiago)

En compose:  docker compose exec backup-service sh -lc "/scripts/backup_db.sh"
Restaurar:   scripts/restore_db.sh $BACKUP_DIR/db_backup_YYYYmmddHHMMSS.sql.gz
HELP
}
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { usage; exit 0; }
[[ $# -eq 0 ]] || { usage >&2; exit 64; }
# shellcheck source=scripts/backup-lib.sh
source "$(dirname "$0")/backup-lib.sh"
load_settings
mkdir -p "$BACKUP_DIR"
name="db_backup_$(stamp).sql.gz"
partial="$BACKUP_DIR/$name.partial"
trap 'rm -f "$partial"' EXIT
say "Respaldando $DB_NAME en $DB_HOST:$DB_PORT (según $settings_source) hacia $BACKUP_DIR/$name …"
started=$(date +%s)
"${pg_bin}pg_dump" --no-owner --no-privileges --dbname="$DB_NAME" | gzip -6 >"$partial"
publish "$partial" "$name"
trap - EXIT
size=$(stat -c %s "$BACKUP_DIR/$name")
say "Listo: $BACKUP_DIR/$name ($size bytes, $(( $(date +%s) - started )) s)."
echo "$BACKUP_DIR/$name"
