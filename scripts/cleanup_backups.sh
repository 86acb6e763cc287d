#!/usr/bin/env bash
# Removes the backups older than RETENTION_DAYS (7 by default, as in the original), but never the newest
# backup of each kind nor the newest verified database backup (when the database says which one it is).
usage() {
    cat <<'HELP'
Uso: scripts/cleanup_backups.sh [--dry-run] [--help]

Borra de $BACKUP_DIR los db_backup_*.sql.gz y configs_backup_*.tar.gz (con su .sha256) cuya fecha,
la del nombre, tiene más de RETENTION_DAYS días (7 por omisión). Nunca borra el respaldo más nuevo de
cada tipo ni el último respaldo verificado de la base (lo pregunta a la tabla respaldos si la base
responde). También borra restos .partial de más de un día. --dry-run muestra qué borraría.

En compose:  docker compose exec backup-service sh -lc "/scripts/cleanup_backups.sh"
HELP
}
dry_run=0
for argument in "$@"; do
    case $argument in
        --help|-h) usage; exit 0 ;;
        --dry-run) dry_run=1 ;;
        *) usage >&2; exit 64 ;;
    esac
done
# shellcheck source=scripts/backup-lib.sh
source "$(dirname "$0")/backup-lib.sh"
load_settings
[[ -d $BACKUP_DIR ]] || { say "No existe $BACKUP_DIR: nada que limpiar."; exit 0; }
limit=$(TZ=$BACKUP_TIMEZONE date -d "@$(( $(date +%s) - RETENTION_DAYS * 86400 ))" +%Y%m%d%H%M%S)
# the finished backups, oldest first (plain globbing: the same on Debian and on the alpine backup-service)
backups=()
shopt -s nullglob
for file in "$BACKUP_DIR"/db_backup_*.sql.gz "$BACKUP_DIR"/configs_backup_*.tar.gz; do
    [[ ${file##*/} =~ ^(db|configs)_backup_[0-9]{14}\.(sql|tar)\.gz$ ]] && backups+=("$file")
done
# by the moment in the name, whatever the folder's path holds
mapfile -t backups < <(for file in "${backups[@]}"; do printf '%s %s\n' "$(grep -o '[0-9]\{14\}' <<<"${file##*/}")" "$file"; done | sort | cut -d' ' -f2-)
verified=$("${pg_bin}psql" -X -At --dbname="$DB_NAME" -c "SELECT archivo FROM respaldos WHERE tipo = 'BD'
    AND estado = 'COMPLETADO' AND verificado AND eliminado_en IS NULL ORDER BY terminado_en DESC LIMIT 1" 2>/dev/null || true)
keep=("$verified")
for prefix in db_backup_ configs_backup_; do
    newest=""
    for file in "${backups[@]}"; do [[ ${file##*/} == "$prefix"* ]] && newest=${file##*/}; done
    keep+=("$newest")
done
removed=0
for file in "${backups[@]}"; do
    [[ -n $file ]] || continue
    name=${file##*/}
    moment=$(grep -o '[0-9]\{14\}' <<<"$name")
    [[ $moment < $limit ]] || continue
    for kept in "${keep[@]}"; do [[ $name == "$kept" ]] && continue 2; done
    if (( dry_run )); then
        say "Se borraría $name"
    else
        rm -f "$file" "$file.sha256"
        "${pg_bin}psql" -X -q --dbname="$DB_NAME" -v name="$name" \
            <<<"UPDATE respaldos SET eliminado_en = now() WHERE archivo = :'name' AND eliminado_en IS NULL" 2>/dev/null || true
        say "Borrado $name"
    fi
    removed=$((removed + 1))
done
(( dry_run )) || find "$BACKUP_DIR" -maxdepth 1 -type f -name '*.partial' -mtime +0 -delete
say "$( (( dry_run )) && echo "Se borrarían" || echo "Borrados") $removed respaldos de más de $RETENTION_DAYS días en $BACKUP_DIR.${verified:+ Se conserva el último verificado: $verified.}"
