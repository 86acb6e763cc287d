-- Backups (domain backup, issue 9). One row per run of a backup, a configuration archive or a cleanup,
-- whoever started it: an EJB timer of any instance (origen PROGRAMADO, programado_para = the schedule's
-- instant) or an administrator (MANUAL). The unique key on (tipo, programado_para) is what makes a
-- scheduled run happen once across the cluster: every instance's timer tries to insert it, one succeeds.
-- A run holds a lease (vigente_hasta) that its instance renews while it works; when the instance dies the
-- lease runs out and another instance takes the run over and redoes it.

CREATE TABLE respaldos (
    id               uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    tipo             varchar(16)  NOT NULL CHECK (tipo IN ('BD', 'CONFIGURACION', 'LIMPIEZA')),
    origen           varchar(16)  NOT NULL CHECK (origen IN ('PROGRAMADO', 'MANUAL')),
    programado_para  timestamptz,
    estado           varchar(16)  NOT NULL CHECK (estado IN ('EN_CURSO', 'COMPLETADO', 'FALLIDO')),
    etapa            varchar(200),
    archivo          varchar(200),
    tamano_bytes     bigint,
    sha256           char(64),
    iniciado_en      timestamptz  NOT NULL DEFAULT now(),
    terminado_en     timestamptz,
    instancia        varchar(200) NOT NULL,
    solicitado_por   varchar(100),
    intentos         integer      NOT NULL DEFAULT 1,
    vigente_hasta    timestamptz  NOT NULL,
    verificado       boolean,
    verificacion     text,
    error            text,
    eliminado_en     timestamptz,
    CONSTRAINT uq_respaldos_programados UNIQUE (tipo, programado_para),
    CONSTRAINT ck_respaldos_programado CHECK ((origen = 'PROGRAMADO') = (programado_para IS NOT NULL))
);
COMMENT ON TABLE respaldos IS
    'Ejecuciones de respaldo (base de datos, configuración) y de limpieza; una por instante programado en todo el clúster.';

-- At most one run of each kind at a time, scheduled or manual: a second "respaldar ahora" is refused,
-- and a schedule that comes due meanwhile waits for the next tick.
CREATE UNIQUE INDEX uq_respaldos_en_curso ON respaldos (tipo) WHERE estado = 'EN_CURSO';
CREATE INDEX ix_respaldos_recientes ON respaldos (tipo, iniciado_en DESC);
CREATE UNIQUE INDEX uq_respaldos_archivo ON respaldos (archivo) WHERE archivo IS NOT NULL;

-- The schedules administrators set on the backups screen; a kind without a row follows the environment
-- (BACKUP_DB_SCHEDULE, BACKUP_CONFIGS_SCHEDULE, BACKUP_CLEANUP_SCHEDULE). Cron's five fields, or 'off'.
CREATE TABLE programacion_respaldos (
    tipo            varchar(16)  PRIMARY KEY CHECK (tipo IN ('BD', 'CONFIGURACION', 'LIMPIEZA')),
    programacion    varchar(100) NOT NULL,
    actualizado_en  timestamptz  NOT NULL DEFAULT now(),
    actualizado_por varchar(100)
);
