#!/usr/bin/env bash
# Restores a configuration backup: checks its SHA-256, shows what would change, and with the confirmation
# puts each file back at its absolute path, keeping the replaced files in an archive beside the backups.
usage() {
    cat <<'HELP'
Uso: scripts/restore_configs.sh <configs_backup_YYYYmmddHHMMSS.tar.gz> [--raiz DIR] [--si-reemplazar] [--sin-suma]

Repone la configuración respaldada (nginx, haproxy, patroni, prometheus, Payara…) en sus rutas:
  1. comprueba la suma SHA-256 con el .sha256 (se niega si no coincide);
  2. lo descomprime en una carpeta temporal y muestra qué archivos cambiarían;
  3. sin --si-reemplazar no toca nada; con él, guarda los archivos actuales en
     $BACKUP_DIR/configs_antes_de_restaurar_<fecha>.tar.gz y copia los respaldados en su lugar.

  --raiz DIR        reponer bajo DIR en vez de / (p. ej. para revisar o para otra máquina).
  --si-reemplazar   confirma que se reemplazan los archivos.
  --sin-suma        restaura aunque falte el .sha256 (nunca si la suma existe y no coincide).

Después recargue lo que cambió: nginx -s reload; systemctl reload haproxy (o kill -USR2);
patronictl reload; curl -X POST http://prometheus:9090/-/reload; la configuración de Payara se lee al
reiniciar el dominio. En el clúster local: scripts/cluster-down.sh && scripts/cluster-up.sh.
En compose: docker compose exec backup-service sh -lc "/scripts/restore_configs.sh /backups/configs_backup_….tar.gz --si-reemplazar"
HELP
}
file="" root=/ replace=0 skip_sum=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --help|-h) usage; exit 0 ;;
        --raiz|--target-root) [[ $# -ge 2 ]] || { usage >&2; exit 64; }; root=$2; shift ;;
        --si-reemplazar|--yes) replace=1 ;;
        --sin-suma|--no-checksum) skip_sum=1 ;;
        -*) usage >&2; exit 64 ;;
        *) [[ -z $file ]] || { usage >&2; exit 64; }; file=$1 ;;
    esac
    shift
done
[[ -n $file ]] || { usage >&2; exit 64; }
# shellcheck source=scripts/backup-lib.sh
source "$(dirname "$0")/backup-lib.sh"
load_settings
[[ -r $file ]] || fail "No existe o no se puede leer $file."
[[ $file == *.tar.gz ]] || fail "$file no es un respaldo de configuración (configs_backup_YYYYmmddHHMMSS.tar.gz)."
if [[ -e $file.sha256 || $skip_sum == 0 ]]; then check_checksum "$file"; else say "Aviso: sin .sha256; se restaura sin comprobar la suma (--sin-suma)."; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$file" -C "$work" || fail "$file no es un tar.gz íntegro: no se restaura." 2
changed=()
while IFS= read -r relative; do
    if ! cmp -s "$work/$relative" "$root/$relative"; then changed+=("$relative"); fi
done < <(cd "$work" && find . -type f -printf '%P\n' | sort)
if [[ ${#changed[@]} -eq 0 ]]; then
    say "La configuración bajo $root ya es igual a la del respaldo: nada que reponer."
    exit 0
fi
say "Archivos que cambiarían bajo $root:"
printf '  %s\n' "${changed[@]}" >&2
if (( !replace )); then
    fail "No se modificó nada. Para reponerlos repita con --si-reemplazar." 3
fi
mkdir -p "$BACKUP_DIR"
saved="$BACKUP_DIR/configs_antes_de_restaurar_$(stamp).tar.gz"
existing=()
for relative in "${changed[@]}"; do [[ -e "$root/$relative" ]] && existing+=("$relative"); done
if [[ ${#existing[@]} -gt 0 ]]; then
    tar -czf "$saved" -C "$root" -- "${existing[@]}"
    say "Los archivos actuales quedaron en $saved."
fi
for relative in "${changed[@]}"; do
    mkdir -p "$(dirname "$root/$relative")"
    cp -p "$work/$relative" "$root/$relative"
done
say "Repuestos ${#changed[@]} archivos. Recargue los servicios que los usan (vea --help)."
