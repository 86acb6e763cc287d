#!/bin/bash
# Ventanilla on Payara Server in a container, in one of two roles:
#
#   das       the domain administration server: creates the domain the first time, the deployment group
#             ventanilla-group with its configuration (payara/src/main/payara/domain-setup.asadmin and
#             ventanilla-resources.xml, applied to the configuration the group's instances get), and
#             deploys the EAR to the group; then serves the admin console on 4848 in the foreground.
#   instance  joins the group: registers itself with the DAS (create-local-instance --deploymentgroup)
#             and runs in the foreground (start-local-instance --verbose), syncing the EAR from the DAS.
#
# The instances read DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, REDIS_*, SMTP_*, ... from this
# process's environment, which the instance JVM inherits; nothing secret is written into domain.xml.
set -euo pipefail

role=${1:-instance}
asadmin=${PAYARA_DIR:-/opt/payara/appserver}/bin/asadmin
domains=${PAYARA_DIR:-/opt/payara/appserver}/glassfish/domains
nodes=${PAYARA_DIR:-/opt/payara/appserver}/glassfish/nodes
domain=ventanilla
group=ventanilla-group
admin_user=${PAYARA_ADMIN_USER:-admin}
: "${PAYARA_ADMIN_PASSWORD:?PAYARA_ADMIN_PASSWORD is required}"

log() { printf '[ventanilla-%s] %s\n' "$role" "$*"; }

password_file=$(mktemp)
trap 'rm -f "$password_file"' EXIT
printf 'AS_ADMIN_PASSWORD=%s\n' "$PAYARA_ADMIN_PASSWORD" >"$password_file"

local_admin() { "$asadmin" --user "$admin_user" --passwordfile "$password_file" --interactive=false "$@"; }

das() {
    if [[ ! -d "$domains/$domain" ]]; then
        log "creating the domain"
        "$asadmin" --user "$admin_user" --passwordfile "$password_file" --interactive=false \
            create-domain --savelogin=false "$domain"
        local_admin start-domain "$domain"
        # remote asadmin (the instances) and the console from outside the container need it
        local_admin enable-secure-admin
        local_admin stop-domain "$domain"
    fi

    local_admin start-domain "$domain"

    if [[ ! -f "$domains/$domain/.ventanilla-configured" ]]; then
        log "creating $group and applying domain-setup.asadmin to default-config"
        local_admin create-deployment-group "$group"
        # The group's instances get copies of default-config when they are created, so the set-up that
        # scripts/run.sh applies to server-config goes to default-config here.
        local line
        while read -r line; do
            [[ -z "$line" || "$line" == \#* ]] && continue
            line=${line//configs.config.server-config./configs.config.default-config.}
            local -a args
            read -r -a args <<<"$line"
            case "${args[0]}" in
                add-resources)
                    args=(add-resources --target "$group" /opt/ventanilla/setup/ventanilla-resources.xml) ;;
                create-jvm-options|delete-jvm-options)
                    args=("${args[0]}" --target default-config "${args[@]:1}") ;;
            esac
            if ! local_admin "${args[@]}"; then
                # a JVM option that default-config does not have is not worth stopping for
                [[ "${args[0]}" == delete-jvm-options ]] || exit 1
            fi
        done </opt/ventanilla/setup/domain-setup.asadmin
        # RUNTIME-FACTS.md: without the DataGrid timer store the first deploy to a group fails with
        # "EJB Timer Service is not available"; with it a persistent @Schedule fires on one instance
        # only and moves to another when its owner stops. Set again here in case the set-up changes.
        local_admin set configs.config.default-config.ejb-container.ejb-timer-service.ejb-timer-service=DataGrid
        touch "$domains/$domain/.ventanilla-configured"
    fi

    # Every start deploys the EAR of this image, so a new image is a new version on the whole group.
    log "deploying ventanilla.ear to $group"
    local_admin deploy --force=true --target "$group" --name ventanilla /opt/ventanilla/ventanilla.ear

    # Restart in the foreground, so the DAS is this container's process and its log is the container's.
    local_admin stop-domain "$domain"
    touch /tmp/ventanilla-das-configured
    exec "$asadmin" start-domain --verbose "$domain"
}

instance() {
    local name=${PAYARA_INSTANCE_NAME:?PAYARA_INSTANCE_NAME is required (payara-1, payara-2)}
    local node="$name-node"
    local das_host=${PAYARA_DAS_HOST:-payara-das}
    local das_port=${PAYARA_DAS_PORT:-4848}
    remote() { local_admin --host "$das_host" --port "$das_port" --secure=true "$@"; }

    log "waiting for the DAS at $das_host:$das_port"
    until remote list-deployment-groups 2>/dev/null | grep -q "^$group\b"; do sleep 2; done

    if [[ ! -d "$nodes/$node/$name" ]]; then
        # The DAS may remember this instance from a container that no longer exists (its node folder
        # lived in that container): forget it, then register afresh.
        if remote list-instances --nostatus 2>/dev/null | grep -q "^$name\b"; then
            log "removing the stale registration of $name"
            remote delete-instance "$name" || true
        fi
        if ! remote list-nodes 2>/dev/null | grep -q "^$node\b"; then
            # nodehost: the name the DAS and the other instances use to reach this container
            remote create-node-config --nodehost "$(hostname)" --installdir "${PAYARA_DIR:-/opt/payara/appserver}" "$node"
        fi
        log "joining $group as $name"
        remote create-local-instance --node "$node" --deploymentgroup "$group" \
            --systemproperties "HTTP_LISTENER_PORT=8080:HTTP_SSL_LISTENER_PORT=8181" "$name"
        remote set "configs.config.$name-config.ejb-container.ejb-timer-service.ejb-timer-service=DataGrid"
    fi

    exec "$asadmin" --user "$admin_user" --passwordfile "$password_file" --interactive=false \
        start-local-instance --node "$node" --verbose "$name"
}

case "$role" in
    das) das ;;
    instance) instance ;;
    *) echo "usage: entrypoint.sh das|instance" >&2; exit 64 ;;
esac
