#!/usr/bin/env bash
# Restores a database backup: checks its SHA-256, loads it into a new database, and only then puts it in
# place of the target (the previous database is kept under another name, not dropped).
usage() {
    cat <<'HELP'
Uso: scripts/restore_db.sh <db_backup_YYYYmmddHHMMSS.sql.gz> [--base NOMBRE] [--si-reemplazar] [--sin-suma]

Restaura un respaldo de la base:
  1. comprueba la suma SHA-256 del archivo con su .sha256 (se niega si no coincide) y que el gzip esté íntegro;
  2. lo carga en una base nueva «<base>_restaurando» (si falla, la base en uso no se toca);
  3. si la base destino ya existe, se niega a reemplazarla sin --si-reemplazar; con él, impide nuevas
     conexiones, cierra las abiertas, renombra la base en uso a «<base>_anterior_<fecha>» (no se borra:
     bórrela cuando haya comprobado la restauración) y pone la restaurada en su lugar.

  --base NOMBRE     restaurar en otra base (por omisión DB_NAME, la de la aplicación); una base que no
                    existe se crea sin pedir confirmación, p. ej. para revisar un respaldo aparte.
  --si-reemplazar   confirma que se reemplaza una base existente.
  --sin-suma        restaura aunque falte el .sha256 (nunca si la suma existe y no coincide).

Qué hacer con la aplicación: durante el paso 3 (segundos) las instancias pierden sus conexiones y
responden 503 («base no disponible») hasta reconectarse solas a la base restaurada. Todo lo que se
registró después del respaldo se pierde: avise a las unidades o detenga antes las instancias
(clúster local: scripts/cluster-ctl.sh stop ventanilla-1 / ventanilla-2, y start después; compose:
docker compose stop payara-1 payara-2). Los temporizadores de respaldo siguen funcionando tras restaurar.

Configuración: DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD (o las del clúster de scripts/cluster-up.sh).
El usuario necesita el privilegio CREATEDB y ser dueño de la base destino.
En compose: docker compose exec backup-service sh -lc "/scripts/restore_db.sh /backups/db_backup_….sql.gz --si-reemplazar"
HELP
}
file="" target="" replace=0 skip_sum=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --help|-h) usage; exit 0 ;;
        --base|--target-db) [[ $# -ge 2 ]] || { usage >&2; exit 64; }; target=$2; shift ;;
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
[[ $file == *.sql.gz ]] || fail "$file no es un respaldo de la base (db_backup_YYYYmmddHHMMSS.sql.gz)."
target=${target:-$DB_NAME}
[[ $target =~ ^[A-Za-z_][A-Za-z0-9_]{0,40}$ ]] || fail "Nombre de base no válido: «$target» (letras, números y _)."
if [[ -e $file.sha256 || $skip_sum == 0 ]]; then check_checksum "$file"; else say "Aviso: sin .sha256; se restaura sin comprobar la suma (--sin-suma)."; fi
gzip -t "$file" || fail "$file no es un gzip íntegro: no se restaura." 2

exists=0
database_exists "$target" && exists=1
if (( exists && !replace )); then
    fail "La base «$target» ya existe en $DB_HOST:$DB_PORT y restaurar la reemplaza (se perdería lo registrado después del respaldo). Si es lo que quiere, repita con --si-reemplazar. Nada se modificó." 3
fi

staging="${target}_restaurando"
say "Cargando $file en la base nueva «$staging» ($DB_HOST:$DB_PORT, según $settings_source) …"
psql_admin -v name="$staging" <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'name') \gexec
SELECT format('CREATE DATABASE %I TEMPLATE template0 ENCODING %L', :'name', 'UTF8') \gexec
SELECT format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', :'name') \gexec
SQL
if ! gunzip -c "$file" | restorable_sql | "${pg_bin}psql" -X -q -v ON_ERROR_STOP=1 --dbname="$staging" >/dev/null; then
    psql_admin -v name="$staging" <<<"SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'name') \gexec" || true
    fail "La carga del respaldo falló; la base «$target» no se tocó."
fi
tables=$(row_counts "$staging" | wc -l)
rows=$(row_counts "$staging" | awk '{ total += $2 } END { print total + 0 }')
say "Cargado: $tables tablas, $rows filas."
"${pg_bin}psql" -X -q --dbname="$staging" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" 2>/dev/null \
    || say "Aviso: pg_stat_statements no se pudo crear (requiere superusuario); los datos no dependen de ella."

if (( exists )); then
    previous="${target}_anterior_$(stamp)"
    say "Reemplazando «$target»: la base en uso queda como «$previous» …"
    if ! psql_admin -v target="$target" -v staging="$staging" -v previous="$previous" <<'SQL'
SELECT format('ALTER DATABASE %I ALLOW_CONNECTIONS false', :'target') \gexec
SELECT count(pg_terminate_backend(pid)) AS closed FROM pg_stat_activity WHERE datname = :'target' AND pid <> pg_backend_pid() \gset
SELECT pg_sleep(0.5);
SELECT format('ALTER DATABASE %I RENAME TO %I', :'target', :'previous') \gexec
SELECT format('ALTER DATABASE %I RENAME TO %I', :'staging', :'target') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO PUBLIC', :'target') \gexec
SQL
    then
        # whatever failed (a session this role may not close), the database in use takes connections again
        psql_admin -v target="$target" <<<"SELECT format('ALTER DATABASE %I ALLOW_CONNECTIONS true', :'target') \gexec" || true
        fail "No se pudo reemplazar «$target» (¿sesiones de otro rol abiertas? el rol necesita pg_signal_backend); sigue en uso sin cambios. La base cargada quedó como «$staging»."
    fi
    say "Listo: «$target» tiene los datos de $(basename "$file"). La base anterior quedó como «$previous» (sin conexiones); bórrela cuando haya comprobado la restauración: DROP DATABASE \"$previous\";"
else
    psql_admin -v target="$target" -v staging="$staging" <<'SQL'
SELECT format('ALTER DATABASE %I RENAME TO %I', :'staging', :'target') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO PUBLIC', :'target') \gexec
SQL
    say "Listo: base nueva «$target» con los datos de $(basename "$file")."
fi
