#!/usr/bin/env bash
# Backs up the configuration now: the gateway's, the database proxy's, Patroni's, Prometheus's and
# Payara's configuration into $BACKUP_DIR/configs_backup_YYYYmmddHHMMSS.tar.gz, with absolute paths, so
# restore_configs.sh puts each file back where it was.
usage() {
    cat <<'HELP'
Uso: scripts/backup_configs.sh [--help]

Empaqueta la configuración en $BACKUP_DIR/configs_backup_YYYYmmddHHMMSS.tar.gz (+ .sha256).
Qué incluye: BACKUP_CONFIG_PATHS (rutas separadas por «:»). Si no está definida: en el clúster de
scripts/cluster-up.sh, su carpeta etc/ (nginx, haproxy, patroni, redis, prometheus) y la configuración
del dominio Payara; si no, las rutas del original: /etc/nginx/nginx.conf y /etc/prometheus/prometheus.yml.
Claves (*.pem, *.key) y archivos de secretos no se incluyen: vienen del entorno, nunca de un respaldo.

En compose:  docker compose exec backup-service sh -lc "/scripts/backup_configs.sh"
Restaurar:   scripts/restore_configs.sh $BACKUP_DIR/configs_backup_YYYYmmddHHMMSS.tar.gz
HELP
}
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { usage; exit 0; }
[[ $# -eq 0 ]] || { usage >&2; exit 64; }
# shellcheck source=scripts/backup-lib.sh
source "$(dirname "$0")/backup-lib.sh"
load_settings
: "${BACKUP_CONFIG_PATHS:=/etc/nginx/nginx.conf:/etc/prometheus/prometheus.yml}"
paths=()
IFS=: read -r -a wanted <<<"$BACKUP_CONFIG_PATHS"
for path in "${wanted[@]}"; do
    [[ -z $path ]] && continue
    if [[ -e $path ]]; then paths+=("${path#/}"); else say "Aviso: no existe $path; se omite."; fi
done
[[ ${#paths[@]} -gt 0 ]] || fail "Ninguna de las rutas de BACKUP_CONFIG_PATHS existe: $BACKUP_CONFIG_PATHS"
mkdir -p "$BACKUP_DIR"
name="configs_backup_$(stamp).tar.gz"
partial="$BACKUP_DIR/$name.partial"
trap 'rm -f "$partial"' EXIT
tar --create --gzip --file="$partial" --directory=/ --exclude='*.pem' --exclude='*.key' \
    --exclude=secrets.env --exclude=instance.env -- "${paths[@]}"
publish "$partial" "$name"
trap - EXIT
say "Listo: $BACKUP_DIR/$name ($(tar -tzf "$BACKUP_DIR/$name" | grep -vc '/$') archivos)."
echo "$BACKUP_DIR/$name"
