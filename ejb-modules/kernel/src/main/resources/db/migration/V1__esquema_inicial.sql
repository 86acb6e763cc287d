-- =====================================================================
-- Ventanilla - Sistema municipal de atención ciudadana
-- V1: esquema inicial (PostgreSQL 15)
--
-- Flyway ejecuta este archivo en una sola transacción: no incluir
-- BEGIN/COMMIT ni sentencias DROP.
--
-- Convenciones:
--   * Claves primarias uuid generadas con gen_random_uuid().
--   * fecha_creacion / ultima_actualizacion (timestamptz) en las tablas
--     principales; ultima_actualizacion la mantiene el disparador
--     actualizar_ultima_actualizacion().
--   * version: contador de bloqueo optimista (JPA @Version).
--   * RUT normalizado: cuerpo sin puntos + '-' + dígito verificador en
--     mayúscula, p. ej. '12345678-5' o '9876543-K'.
--   * Nada se borra físicamente si otra tabla lo referencia: las
--     entidades de configuración se desactivan con activo = false.
-- =====================================================================

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- ---------------------------------------------------------------------
-- Funciones auxiliares
-- ---------------------------------------------------------------------

CREATE OR REPLACE FUNCTION actualizar_ultima_actualizacion()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.ultima_actualizacion := now();
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION actualizar_ultima_actualizacion() IS
    'Disparador BEFORE UPDATE: fija ultima_actualizacion = now() en cada modificación.';

-- Valida un RUT normalizado ('12345678-5'): formato y dígito verificador (módulo 11).
CREATE OR REPLACE FUNCTION rut_es_valido(p_rut text)
RETURNS boolean
LANGUAGE plpgsql
IMMUTABLE
STRICT
PARALLEL SAFE
AS $$
DECLARE
    v_cuerpo text;
    v_dv     text;
    v_suma   integer := 0;
    v_factor integer := 2;
    v_resto  integer;
    v_esperado text;
    i        integer;
BEGIN
    IF p_rut !~ '^[1-9][0-9]{0,8}-[0-9K]$' THEN
        RETURN false;
    END IF;
    v_cuerpo := split_part(p_rut, '-', 1);
    v_dv     := split_part(p_rut, '-', 2);
    FOR i IN REVERSE length(v_cuerpo)..1 LOOP
        v_suma   := v_suma + substr(v_cuerpo, i, 1)::integer * v_factor;
        v_factor := CASE WHEN v_factor = 7 THEN 2 ELSE v_factor + 1 END;
    END LOOP;
    v_resto := 11 - (v_suma % 11);
    v_esperado := CASE v_resto WHEN 11 THEN '0' WHEN 10 THEN 'K' ELSE v_resto::text END;
    RETURN v_dv = v_esperado;
END;
$$;

COMMENT ON FUNCTION rut_es_valido(text) IS
    'Verdadero si el texto es un RUT normalizado (cuerpo sin puntos, guion, DV en mayúscula) con dígito verificador correcto.';

-- =====================================================================
-- Dominio config: estructura municipal
-- =====================================================================

CREATE TABLE direcciones_municipales (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    nombre               varchar(120) NOT NULL,
    descripcion          varchar(500),
    activo               boolean      NOT NULL DEFAULT true,
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_direcciones_municipales_nombre UNIQUE (nombre)
);
COMMENT ON TABLE direcciones_municipales IS
    'Direcciones municipales (Tránsito, DIDECO, DOM, DAF...): primer nivel de la estructura.';

CREATE TABLE unidades (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    direccion_id         uuid         NOT NULL REFERENCES direcciones_municipales (id),
    nombre               varchar(120) NOT NULL,
    direccion_fisica     varchar(200),
    telefono             varchar(30),
    email                varchar(254),
    activo               boolean      NOT NULL DEFAULT true,
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_unidades_direccion_nombre UNIQUE (direccion_id, nombre)
);
COMMENT ON TABLE unidades IS
    'Unidades u oficinas de atención de una dirección, con dirección física y horario propio.';
CREATE INDEX ix_unidades_direccion ON unidades (direccion_id);
CREATE INDEX ix_unidades_email ON unidades (lower(email));

CREATE TABLE servicios (
    id                      uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    unidad_id               uuid         NOT NULL REFERENCES unidades (id),
    nombre                  varchar(120) NOT NULL,
    descripcion             varchar(500),
    prefijo                 varchar(2)   NOT NULL,
    requisitos              text,
    duracion_promedio_min   integer      NOT NULL DEFAULT 15,
    acepta_agendamiento     boolean      NOT NULL DEFAULT true,
    duracion_bloque_min     integer      NOT NULL DEFAULT 20,
    cupo_diario_presencial  integer,
    sla_minutos             integer      NOT NULL DEFAULT 30,
    horizonte_dias          integer      NOT NULL DEFAULT 30,
    anticipacion_minima_min integer      NOT NULL DEFAULT 120,
    activo                  boolean      NOT NULL DEFAULT true,
    version                 bigint       NOT NULL DEFAULT 0,
    fecha_creacion          timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_servicios_unidad_nombre  UNIQUE (unidad_id, nombre),
    CONSTRAINT uq_servicios_unidad_prefijo UNIQUE (unidad_id, prefijo),
    -- destino de las FK compuestas que garantizan coherencia servicio/unidad
    CONSTRAINT uq_servicios_id_unidad      UNIQUE (id, unidad_id),
    CONSTRAINT ck_servicios_prefijo         CHECK (prefijo ~ '^[A-Z]{1,2}$'),
    CONSTRAINT ck_servicios_duracion_prom   CHECK (duracion_promedio_min > 0),
    CONSTRAINT ck_servicios_duracion_bloque CHECK (duracion_bloque_min > 0),
    CONSTRAINT ck_servicios_cupo_diario     CHECK (cupo_diario_presencial >= 0),
    CONSTRAINT ck_servicios_sla             CHECK (sla_minutos > 0),
    CONSTRAINT ck_servicios_horizonte       CHECK (horizonte_dias >= 0),
    CONSTRAINT ck_servicios_anticipacion    CHECK (anticipacion_minima_min >= 0)
);
COMMENT ON TABLE servicios IS
    'Trámites que atiende una unidad: prefijo del turno, duración, requisitos, reglas de agendamiento, cupo presencial y SLA.';
COMMENT ON COLUMN servicios.cupo_diario_presencial IS 'Turnos presenciales (sin agendamiento) por día; NULL = sin límite.';
COMMENT ON COLUMN servicios.sla_minutos IS 'Meta de espera máxima en minutos.';
COMMENT ON COLUMN servicios.horizonte_dias IS 'Días hacia adelante en que se puede agendar.';
COMMENT ON COLUMN servicios.anticipacion_minima_min IS 'Minutos mínimos entre la reserva y el inicio del bloque.';

CREATE TABLE estaciones (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    unidad_id            uuid        NOT NULL REFERENCES unidades (id),
    nombre               varchar(60) NOT NULL,
    numero               integer     NOT NULL,
    activo               boolean     NOT NULL DEFAULT true,
    fecha_creacion       timestamptz NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_estaciones_unidad_numero UNIQUE (unidad_id, numero),
    CONSTRAINT uq_estaciones_id_unidad     UNIQUE (id, unidad_id),
    CONSTRAINT ck_estaciones_numero        CHECK (numero > 0)
);
COMMENT ON TABLE estaciones IS
    'Puestos de atención (módulos/ventanillas) de una unidad; nombre y número se muestran en la pantalla de sala.';

CREATE TABLE estacion_servicios (
    estacion_id uuid NOT NULL REFERENCES estaciones (id) ON DELETE CASCADE,
    servicio_id uuid NOT NULL REFERENCES servicios (id) ON DELETE CASCADE,
    PRIMARY KEY (estacion_id, servicio_id)
);
COMMENT ON TABLE estacion_servicios IS 'Servicios que puede atender cada estación.';
CREATE INDEX ix_estacion_servicios_servicio ON estacion_servicios (servicio_id);

CREATE TABLE horarios_unidad (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    unidad_id            uuid        NOT NULL REFERENCES unidades (id) ON DELETE CASCADE,
    dia_semana           smallint    NOT NULL,
    hora_apertura        time        NOT NULL,
    hora_cierre          time        NOT NULL,
    fecha_creacion       timestamptz NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ck_horarios_unidad_dia     CHECK (dia_semana BETWEEN 1 AND 7),
    CONSTRAINT ck_horarios_unidad_tramo   CHECK (hora_apertura < hora_cierre),
    CONSTRAINT uq_horarios_unidad_tramo   UNIQUE (unidad_id, dia_semana, hora_apertura)
);
COMMENT ON TABLE horarios_unidad IS
    'Horario de atención por unidad y día ISO (1 = lunes ... 7 = domingo); varias filas por día permiten jornada partida.';

CREATE TABLE feriados (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    fecha                date         NOT NULL,
    nombre               varchar(120) NOT NULL,
    irrenunciable        boolean      NOT NULL DEFAULT false,
    activo               boolean      NOT NULL DEFAULT true,
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_feriados_fecha UNIQUE (fecha)
);
COMMENT ON TABLE feriados IS
    'Feriados nacionales (editables); en un feriado activo ninguna unidad atiende ni ofrece horas.';

CREATE TABLE cierres_unidad (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    unidad_id            uuid         NOT NULL REFERENCES unidades (id),
    fecha_desde          date         NOT NULL,
    fecha_hasta          date         NOT NULL,
    motivo               varchar(300) NOT NULL,
    creado_por_id        uuid,
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT ck_cierres_unidad_rango CHECK (fecha_desde <= fecha_hasta)
);
COMMENT ON TABLE cierres_unidad IS
    'Cierres propios de una unidad (un día o un rango de fechas) con su motivo.';
CREATE INDEX ix_cierres_unidad_fechas ON cierres_unidad (unidad_id, fecha_desde, fecha_hasta);

CREATE TABLE categorias_preferenciales (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    codigo               varchar(40)  NOT NULL,
    nombre               varchar(120) NOT NULL,
    descripcion          varchar(500),
    base_legal           varchar(200),
    orden                integer      NOT NULL DEFAULT 0,
    activo               boolean      NOT NULL DEFAULT true,
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_categorias_preferenciales_codigo UNIQUE (codigo),
    CONSTRAINT ck_categorias_preferenciales_codigo CHECK (codigo ~ '^[A-Z][A-Z0-9_]*$')
);
COMMENT ON TABLE categorias_preferenciales IS
    'Catálogo de categorías de atención preferente (persona mayor, embarazo, discapacidad, cuidador/a).';

CREATE TABLE reglas_prioridad (
    id                     uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    unidad_id              uuid        NOT NULL REFERENCES unidades (id),
    proporcion_preferencial integer    NOT NULL DEFAULT 1,
    proporcion_normal      integer     NOT NULL DEFAULT 2,
    espera_maxima_min      integer     NOT NULL DEFAULT 45,
    max_rellamados         integer     NOT NULL DEFAULT 2,
    checkin_anticipacion_min integer   NOT NULL DEFAULT 30,
    checkin_tolerancia_min integer     NOT NULL DEFAULT 15,
    version                bigint      NOT NULL DEFAULT 0,
    fecha_creacion         timestamptz NOT NULL DEFAULT now(),
    ultima_actualizacion   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_reglas_prioridad_unidad       UNIQUE (unidad_id),
    CONSTRAINT ck_reglas_prioridad_pref         CHECK (proporcion_preferencial >= 1),
    CONSTRAINT ck_reglas_prioridad_normal       CHECK (proporcion_normal >= 0),
    CONSTRAINT ck_reglas_prioridad_espera       CHECK (espera_maxima_min > 0),
    CONSTRAINT ck_reglas_prioridad_rellamados   CHECK (max_rellamados >= 0),
    CONSTRAINT ck_reglas_prioridad_checkin_ant  CHECK (checkin_anticipacion_min >= 0),
    CONSTRAINT ck_reglas_prioridad_checkin_tol  CHECK (checkin_tolerancia_min >= 0)
);
COMMENT ON TABLE reglas_prioridad IS
    'Reglas de cola por unidad: intercalado preferencial:normal (p. ej. 1:2), espera máxima antes de promover un turno, rellamados permitidos y ventana de check-in de agendamientos.';
COMMENT ON COLUMN reglas_prioridad.checkin_anticipacion_min IS 'Minutos antes de la hora agendada desde los que se acepta el check-in en el tótem.';
COMMENT ON COLUMN reglas_prioridad.checkin_tolerancia_min IS 'Minutos de atraso tolerados después de la hora agendada.';

CREATE TABLE reglas_prioridad_categorias (
    regla_id     uuid NOT NULL REFERENCES reglas_prioridad (id) ON DELETE CASCADE,
    categoria_id uuid NOT NULL REFERENCES categorias_preferenciales (id),
    PRIMARY KEY (regla_id, categoria_id)
);
COMMENT ON TABLE reglas_prioridad_categorias IS 'Categorías preferenciales habilitadas en las reglas de cada unidad.';
CREATE INDEX ix_reglas_prioridad_categorias_cat ON reglas_prioridad_categorias (categoria_id);

CREATE TABLE parametros_sistema (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    clave                varchar(100) NOT NULL,
    valor                varchar(1000) NOT NULL,
    descripcion          varchar(500),
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_parametros_sistema_clave UNIQUE (clave)
);
COMMENT ON TABLE parametros_sistema IS
    'Parámetros globales editables (nombre de la municipalidad, topes de agendamiento, bloqueo por inasistencias, recordatorios...).';

-- =====================================================================
-- Dominio auth: usuarios, roles, tokens, auditoría
-- =====================================================================

CREATE TABLE usuarios (
    id                    uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    rut                   varchar(12)  NOT NULL,
    nombre                varchar(120) NOT NULL,
    email                 varchar(254),
    password_hash         varchar(300) NOT NULL,
    activo                boolean      NOT NULL DEFAULT true,
    intentos_fallidos     integer      NOT NULL DEFAULT 0,
    bloqueado_hasta       timestamptz,
    debe_cambiar_password boolean      NOT NULL DEFAULT false,
    fecha_cambio_password timestamptz,
    ultimo_acceso         timestamptz,
    version               bigint       NOT NULL DEFAULT 0,
    fecha_creacion        timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_usuarios_rut        UNIQUE (rut),
    CONSTRAINT ck_usuarios_rut        CHECK (rut_es_valido(rut)),
    CONSTRAINT ck_usuarios_email      CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    CONSTRAINT ck_usuarios_intentos   CHECK (intentos_fallidos >= 0)
);
COMMENT ON TABLE usuarios IS
    'Funcionarios y cuentas de dispositivo (tótem, pantalla). password_hash en formato Pbkdf2PasswordHash de Jakarta Security: PBKDF2WithHmacSHA256:210000:<sal base64>:<hash base64>.';
COMMENT ON COLUMN usuarios.email IS 'Opcional solo para cuentas de dispositivo (KIOSK/DISPLAY); único sin distinguir mayúsculas.';
CREATE UNIQUE INDEX uq_usuarios_email_lower ON usuarios (lower(email));

ALTER TABLE cierres_unidad
    ADD CONSTRAINT fk_cierres_unidad_creado_por FOREIGN KEY (creado_por_id) REFERENCES usuarios (id);

CREATE TABLE usuario_roles (
    usuario_id uuid        NOT NULL REFERENCES usuarios (id) ON DELETE CASCADE,
    rol        varchar(20) NOT NULL,
    PRIMARY KEY (usuario_id, rol),
    CONSTRAINT ck_usuario_roles_rol CHECK (rol IN ('ADMIN', 'SUPERVISOR', 'OPERATOR', 'KIOSK', 'DISPLAY'))
);
COMMENT ON TABLE usuario_roles IS 'Roles de cada usuario (ADMIN, SUPERVISOR, OPERATOR, KIOSK, DISPLAY).';
CREATE INDEX ix_usuario_roles_rol ON usuario_roles (rol);

CREATE TABLE usuario_unidades (
    usuario_id uuid NOT NULL REFERENCES usuarios (id) ON DELETE CASCADE,
    unidad_id  uuid NOT NULL REFERENCES unidades (id) ON DELETE CASCADE,
    PRIMARY KEY (usuario_id, unidad_id)
);
COMMENT ON TABLE usuario_unidades IS 'Unidades en que trabaja cada usuario (o a las que sirve un tótem/pantalla).';
CREATE INDEX ix_usuario_unidades_unidad ON usuario_unidades (unidad_id);

CREATE TABLE tokens_restablecimiento (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    usuario_id           uuid        NOT NULL REFERENCES usuarios (id) ON DELETE CASCADE,
    token_hash           varchar(128) NOT NULL,
    expira_en            timestamptz NOT NULL,
    usado_en             timestamptz,
    solicitado_por_id    uuid        REFERENCES usuarios (id),
    ip_solicitud         varchar(45),
    fecha_creacion       timestamptz NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_tokens_restablecimiento_hash UNIQUE (token_hash),
    CONSTRAINT ck_tokens_restablecimiento_exp  CHECK (expira_en > fecha_creacion)
);
COMMENT ON TABLE tokens_restablecimiento IS
    'Enlaces de un solo uso para restablecer contraseña; se guarda solo el hash (SHA-256) del token enviado por correo.';
COMMENT ON COLUMN tokens_restablecimiento.solicitado_por_id IS 'Administrador que forzó el restablecimiento; NULL si lo pidió el propio usuario.';
CREATE INDEX ix_tokens_restablecimiento_usuario ON tokens_restablecimiento (usuario_id) WHERE usado_en IS NULL;

CREATE TABLE auditoria (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    usuario_id           uuid         REFERENCES usuarios (id) ON DELETE SET NULL,
    usuario_rut          varchar(12),
    usuario_nombre       varchar(120),
    accion               varchar(40)  NOT NULL,
    entidad              varchar(60)  NOT NULL,
    entidad_id           varchar(64),
    descripcion          varchar(500),
    datos_anteriores     jsonb,
    datos_nuevos         jsonb,
    ip                   varchar(45),
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now()
);
COMMENT ON TABLE auditoria IS
    'Bitácora de cambios (quién, cuándo, qué: CREAR, ACTUALIZAR, DESACTIVAR, LOGIN...) visible para administradores.';
CREATE INDEX ix_auditoria_fecha   ON auditoria (fecha_creacion DESC);
CREATE INDEX ix_auditoria_entidad ON auditoria (entidad, entidad_id, fecha_creacion DESC);
CREATE INDEX ix_auditoria_usuario ON auditoria (usuario_id, fecha_creacion DESC);

-- =====================================================================
-- Dominio appointments: agendamientos y bloqueos por inasistencia
-- =====================================================================

CREATE TABLE agendamientos (
    id                     uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    codigo                 varchar(16)  NOT NULL,
    unidad_id              uuid         NOT NULL,
    servicio_id            uuid         NOT NULL,
    rut_ciudadano          varchar(12)  NOT NULL,
    nombre_ciudadano       varchar(120) NOT NULL,
    email_ciudadano        varchar(254) NOT NULL,
    telefono_ciudadano     varchar(30),
    idioma                 varchar(5)   NOT NULL DEFAULT 'es',
    fecha_hora_inicio      timestamptz  NOT NULL,
    fecha_hora_fin         timestamptz  NOT NULL,
    estado                 varchar(20)  NOT NULL DEFAULT 'CONFIRMADO',
    reprogramado_desde_id  uuid         REFERENCES agendamientos (id),
    cantidad_reprogramaciones integer   NOT NULL DEFAULT 0,
    fecha_check_in         timestamptz,
    fecha_cancelacion      timestamptz,
    cancelado_por          varchar(20),
    cancelado_por_usuario_id uuid       REFERENCES usuarios (id),
    motivo_cancelacion     varchar(300),
    cierre_id              uuid         REFERENCES cierres_unidad (id),
    no_show_marcado_por_id uuid         REFERENCES usuarios (id),
    recordatorio_enviado_en timestamptz,
    ip_origen              varchar(45),
    version                bigint       NOT NULL DEFAULT 0,
    fecha_creacion         timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_agendamientos_codigo UNIQUE (codigo),
    CONSTRAINT fk_agendamientos_servicio FOREIGN KEY (servicio_id, unidad_id)
        REFERENCES servicios (id, unidad_id),
    CONSTRAINT fk_agendamientos_unidad FOREIGN KEY (unidad_id) REFERENCES unidades (id),
    CONSTRAINT ck_agendamientos_codigo  CHECK (codigo ~ '^[A-Z0-9-]{6,16}$'),
    CONSTRAINT ck_agendamientos_rut     CHECK (rut_es_valido(rut_ciudadano)),
    CONSTRAINT ck_agendamientos_email   CHECK (email_ciudadano ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    CONSTRAINT ck_agendamientos_idioma  CHECK (idioma IN ('es', 'en')),
    CONSTRAINT ck_agendamientos_rango   CHECK (fecha_hora_fin > fecha_hora_inicio),
    CONSTRAINT ck_agendamientos_reprog  CHECK (cantidad_reprogramaciones >= 0),
    CONSTRAINT ck_agendamientos_estado  CHECK (estado IN
        ('CONFIRMADO', 'PRESENTADO', 'ATENDIDO', 'NO_SE_PRESENTO', 'CANCELADO', 'REPROGRAMADO')),
    CONSTRAINT ck_agendamientos_cancelado_por CHECK (cancelado_por IN ('CIUDADANO', 'FUNCIONARIO', 'CIERRE', 'SISTEMA')),
    CONSTRAINT ck_agendamientos_cancelacion CHECK (estado <> 'CANCELADO' OR fecha_cancelacion IS NOT NULL)
);
COMMENT ON TABLE agendamientos IS
    'Horas reservadas por ciudadanos para un servicio; se gestionan con código + RUT. Estados: CONFIRMADO, PRESENTADO (check-in en tótem), ATENDIDO, NO_SE_PRESENTO, CANCELADO, REPROGRAMADO.';
COMMENT ON COLUMN agendamientos.codigo IS 'Código de reserva entregado al ciudadano (también en el QR).';
COMMENT ON COLUMN agendamientos.reprogramado_desde_id IS 'Reserva anterior cuando la reprogramación crea una nueva fila (la anterior queda REPROGRAMADO).';
CREATE INDEX ix_agendamientos_servicio_inicio ON agendamientos (servicio_id, fecha_hora_inicio);
CREATE INDEX ix_agendamientos_unidad_inicio   ON agendamientos (unidad_id, fecha_hora_inicio);
CREATE INDEX ix_agendamientos_rut_inicio      ON agendamientos (rut_ciudadano, fecha_hora_inicio);
CREATE INDEX ix_agendamientos_email           ON agendamientos (lower(email_ciudadano));
CREATE INDEX ix_agendamientos_estado_inicio   ON agendamientos (estado, fecha_hora_inicio);
CREATE INDEX ix_agendamientos_activos_rut     ON agendamientos (rut_ciudadano, servicio_id)
    WHERE estado = 'CONFIRMADO';
CREATE INDEX ix_agendamientos_recordatorio    ON agendamientos (fecha_hora_inicio)
    WHERE estado = 'CONFIRMADO' AND recordatorio_enviado_en IS NULL;
CREATE INDEX ix_agendamientos_cierre          ON agendamientos (cierre_id) WHERE cierre_id IS NOT NULL;

CREATE TABLE bloqueos_ciudadanos (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    rut_ciudadano        varchar(12)  NOT NULL,
    motivo               varchar(300) NOT NULL,
    origen               varchar(20)  NOT NULL DEFAULT 'INASISTENCIAS',
    bloqueado_desde      timestamptz  NOT NULL DEFAULT now(),
    bloqueado_hasta      timestamptz  NOT NULL,
    levantado_en         timestamptz,
    levantado_por_id     uuid         REFERENCES usuarios (id),
    creado_por_id        uuid         REFERENCES usuarios (id),
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT ck_bloqueos_ciudadanos_rut    CHECK (rut_es_valido(rut_ciudadano)),
    CONSTRAINT ck_bloqueos_ciudadanos_origen CHECK (origen IN ('INASISTENCIAS', 'MANUAL')),
    CONSTRAINT ck_bloqueos_ciudadanos_rango  CHECK (bloqueado_desde < bloqueado_hasta)
);
COMMENT ON TABLE bloqueos_ciudadanos IS
    'Bloqueos temporales para agendar (p. ej. 3 inasistencias en 90 días); el mensaje al ciudadano indica bloqueado_hasta.';
CREATE INDEX ix_bloqueos_ciudadanos_rut ON bloqueos_ciudadanos (rut_ciudadano, bloqueado_hasta DESC);

-- =====================================================================
-- Dominio queue: turnos, eventos, sesiones de estación
-- =====================================================================

CREATE TABLE contadores_turno (
    servicio_id          uuid        NOT NULL REFERENCES servicios (id),
    fecha                date        NOT NULL,
    ultimo_numero        integer     NOT NULL DEFAULT 0,
    ultima_actualizacion timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (servicio_id, fecha),
    CONSTRAINT ck_contadores_turno_numero CHECK (ultimo_numero >= 0)
);
COMMENT ON TABLE contadores_turno IS
    'Último número emitido por servicio y día; se incrementa con INSERT ... ON CONFLICT DO UPDATE ... RETURNING para numerar sin duplicados.';

CREATE TABLE turnos (
    id                      uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    unidad_id               uuid         NOT NULL REFERENCES unidades (id),
    servicio_id             uuid         NOT NULL,
    servicio_atencion_id    uuid         NOT NULL,
    fecha                   date         NOT NULL,
    numero                  integer      NOT NULL,
    prefijo                 varchar(2)   NOT NULL,
    estado                  varchar(20)  NOT NULL DEFAULT 'ESPERANDO',
    origen                  varchar(20)  NOT NULL DEFAULT 'PRESENCIAL',
    agendamiento_id         uuid         REFERENCES agendamientos (id),
    preferencial            boolean      NOT NULL DEFAULT false,
    categoria_preferencial_id uuid       REFERENCES categorias_preferenciales (id),
    rut_ciudadano           varchar(12),
    token_publico           uuid         NOT NULL DEFAULT gen_random_uuid(),
    idioma                  varchar(5)   NOT NULL DEFAULT 'es',
    estacion_id             uuid,
    usuario_id              uuid         REFERENCES usuarios (id),
    hora_emision            timestamptz  NOT NULL DEFAULT now(),
    hora_ingreso_cola       timestamptz  NOT NULL DEFAULT now(),
    hora_llamado            timestamptz,
    hora_inicio_atencion    timestamptz,
    hora_fin_atencion       timestamptz,
    rellamados              integer      NOT NULL DEFAULT 0,
    transferencias          integer      NOT NULL DEFAULT 0,
    resultado               varchar(500),
    personas_adelante_emision integer,
    espera_estimada_min_p50 integer,
    espera_estimada_min_p90 integer,
    version                 bigint       NOT NULL DEFAULT 0,
    fecha_creacion          timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_turnos_servicio_fecha_numero UNIQUE (servicio_id, fecha, numero),
    CONSTRAINT uq_turnos_agendamiento  UNIQUE (agendamiento_id),
    CONSTRAINT uq_turnos_token_publico UNIQUE (token_publico),
    CONSTRAINT fk_turnos_servicio FOREIGN KEY (servicio_id, unidad_id)
        REFERENCES servicios (id, unidad_id),
    CONSTRAINT fk_turnos_servicio_atencion FOREIGN KEY (servicio_atencion_id, unidad_id)
        REFERENCES servicios (id, unidad_id),
    CONSTRAINT fk_turnos_estacion FOREIGN KEY (estacion_id, unidad_id)
        REFERENCES estaciones (id, unidad_id),
    CONSTRAINT ck_turnos_numero     CHECK (numero > 0),
    CONSTRAINT ck_turnos_prefijo    CHECK (prefijo ~ '^[A-Z]{1,2}$'),
    CONSTRAINT ck_turnos_rellamados CHECK (rellamados >= 0),
    CONSTRAINT ck_turnos_transfer   CHECK (transferencias >= 0),
    CONSTRAINT ck_turnos_idioma     CHECK (idioma IN ('es', 'en')),
    CONSTRAINT ck_turnos_rut        CHECK (rut_ciudadano IS NULL OR rut_es_valido(rut_ciudadano)),
    CONSTRAINT ck_turnos_estado     CHECK (estado IN
        ('ESPERANDO', 'LLAMADO', 'EN_ATENCION', 'FINALIZADO', 'NO_SE_PRESENTO',
         'TRANSFERIDO', 'ESTACIONADO', 'CANCELADO')),
    CONSTRAINT ck_turnos_origen     CHECK (origen IN ('PRESENCIAL', 'AGENDAMIENTO')),
    CONSTRAINT ck_turnos_origen_agendamiento CHECK ((origen = 'AGENDAMIENTO') = (agendamiento_id IS NOT NULL)),
    CONSTRAINT ck_turnos_categoria  CHECK (categoria_preferencial_id IS NULL OR preferencial),
    CONSTRAINT ck_turnos_estacion   CHECK (estado NOT IN ('LLAMADO', 'EN_ATENCION') OR estacion_id IS NOT NULL)
);
COMMENT ON TABLE turnos IS
    'Turnos del día emitidos en el tótem (presenciales o check-in de agendamiento). Numeración diaria por servicio de emisión; la transferencia cambia servicio_atencion_id y conserva número y prefijo.';
COMMENT ON COLUMN turnos.servicio_id IS 'Servicio de emisión: define prefijo y número (único por día); no cambia.';
COMMENT ON COLUMN turnos.servicio_atencion_id IS 'Servicio en cuya cola está el turno; igual a servicio_id salvo transferencia.';
COMMENT ON COLUMN turnos.fecha IS 'Día local (America/Santiago) de emisión; la numeración se reinicia cada día.';
COMMENT ON COLUMN turnos.token_publico IS 'Identificador no adivinable del ticket virtual (QR); no expone datos personales.';
COMMENT ON COLUMN turnos.hora_ingreso_cola IS 'Momento desde el que se mide la espera en la cola actual (se reinicia al reanudar o transferir si así se decide).';
CREATE INDEX ix_turnos_unidad_fecha_estado ON turnos (unidad_id, fecha, estado);
CREATE INDEX ix_turnos_cola ON turnos (servicio_atencion_id, fecha, hora_ingreso_cola)
    WHERE estado = 'ESPERANDO';
CREATE INDEX ix_turnos_estacion_activos ON turnos (estacion_id, estado)
    WHERE estado IN ('LLAMADO', 'EN_ATENCION', 'ESTACIONADO');
CREATE INDEX ix_turnos_servicio_fecha_estado ON turnos (servicio_atencion_id, fecha, estado);
CREATE INDEX ix_turnos_unidad_llamado ON turnos (unidad_id, hora_llamado DESC) WHERE hora_llamado IS NOT NULL;
CREATE INDEX ix_turnos_rut ON turnos (rut_ciudadano) WHERE rut_ciudadano IS NOT NULL;
CREATE INDEX ix_turnos_usuario_fecha ON turnos (usuario_id, fecha);

CREATE TABLE turno_eventos (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    turno_id             uuid         NOT NULL REFERENCES turnos (id),
    tipo                 varchar(20)  NOT NULL,
    fecha_hora           timestamptz  NOT NULL DEFAULT now(),
    servicio_id          uuid         REFERENCES servicios (id),
    servicio_destino_id  uuid         REFERENCES servicios (id),
    estacion_id          uuid         REFERENCES estaciones (id),
    usuario_id           uuid         REFERENCES usuarios (id),
    detalle              varchar(500),
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT ck_turno_eventos_tipo CHECK (tipo IN
        ('EMITIDO', 'LLAMADO', 'RELLAMADO', 'INICIADO', 'FINALIZADO', 'NO_SE_PRESENTO',
         'TRANSFERIDO', 'ESTACIONADO', 'REANUDADO', 'PROMOVIDO', 'CANCELADO'))
);
COMMENT ON TABLE turno_eventos IS
    'Historial de cada turno (emisión, llamados, atención, transferencias...) para estimar esperas, estadísticas y auditoría de la cola.';
CREATE INDEX ix_turno_eventos_turno ON turno_eventos (turno_id, fecha_hora);
CREATE INDEX ix_turno_eventos_servicio_tipo ON turno_eventos (servicio_id, tipo, fecha_hora DESC);
CREATE INDEX ix_turno_eventos_estacion ON turno_eventos (estacion_id, fecha_hora DESC);

CREATE TABLE sesiones_estacion (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    estacion_id          uuid         NOT NULL REFERENCES estaciones (id),
    usuario_id           uuid         NOT NULL REFERENCES usuarios (id),
    estado               varchar(20)  NOT NULL DEFAULT 'ACTIVA',
    inicio               timestamptz  NOT NULL DEFAULT now(),
    fin                  timestamptz,
    motivo_pausa         varchar(200),
    pausa_desde          timestamptz,
    version              bigint       NOT NULL DEFAULT 0,
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT ck_sesiones_estacion_estado CHECK (estado IN ('ACTIVA', 'PAUSADA', 'CERRADA')),
    CONSTRAINT ck_sesiones_estacion_fin    CHECK ((estado = 'CERRADA') = (fin IS NOT NULL)),
    CONSTRAINT ck_sesiones_estacion_rango  CHECK (fin IS NULL OR fin >= inicio),
    CONSTRAINT ck_sesiones_estacion_pausa  CHECK (estado <> 'PAUSADA' OR pausa_desde IS NOT NULL)
);
COMMENT ON TABLE sesiones_estacion IS
    'Operador sentado en una estación (consola de escritorio): activa, en pausa (con motivo) o cerrada.';
CREATE UNIQUE INDEX uq_sesiones_estacion_abierta ON sesiones_estacion (estacion_id) WHERE fin IS NULL;
CREATE UNIQUE INDEX uq_sesiones_estacion_usuario_abierta ON sesiones_estacion (usuario_id) WHERE fin IS NULL;
CREATE INDEX ix_sesiones_estacion_inicio ON sesiones_estacion (estacion_id, inicio DESC);

CREATE TABLE pausas_estacion (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    sesion_id            uuid         NOT NULL REFERENCES sesiones_estacion (id),
    motivo               varchar(200) NOT NULL,
    inicio               timestamptz  NOT NULL DEFAULT now(),
    fin                  timestamptz,
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT ck_pausas_estacion_rango CHECK (fin IS NULL OR fin >= inicio)
);
COMMENT ON TABLE pausas_estacion IS 'Historial de pausas de cada sesión de estación, con su motivo.';
CREATE INDEX ix_pausas_estacion_sesion ON pausas_estacion (sesion_id, inicio);

-- =====================================================================
-- Dominio statistics
-- =====================================================================

CREATE TABLE estadisticas (
    id                        uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    unidad_id                 uuid        NOT NULL REFERENCES unidades (id),
    servicio_id               uuid        NOT NULL,
    fecha                     date        NOT NULL,
    turnos_emitidos           integer     NOT NULL DEFAULT 0,
    turnos_atendidos          integer     NOT NULL DEFAULT 0,
    turnos_no_se_presento     integer     NOT NULL DEFAULT 0,
    turnos_transferidos       integer     NOT NULL DEFAULT 0,
    turnos_preferenciales     integer     NOT NULL DEFAULT 0,
    turnos_dentro_sla         integer     NOT NULL DEFAULT 0,
    agendamientos_reservados  integer     NOT NULL DEFAULT 0,
    agendamientos_atendidos   integer     NOT NULL DEFAULT 0,
    agendamientos_no_se_presento integer  NOT NULL DEFAULT 0,
    agendamientos_cancelados  integer     NOT NULL DEFAULT 0,
    espera_promedio_seg       integer,
    espera_p50_seg            integer,
    espera_p90_seg            integer,
    espera_maxima_seg         integer,
    atencion_promedio_seg     integer,
    atencion_p50_seg          integer,
    atencion_p90_seg          integer,
    version                   bigint      NOT NULL DEFAULT 0,
    fecha_creacion            timestamptz NOT NULL DEFAULT now(),
    ultima_actualizacion      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_estadisticas_servicio_fecha UNIQUE (servicio_id, fecha),
    CONSTRAINT fk_estadisticas_servicio FOREIGN KEY (servicio_id, unidad_id)
        REFERENCES servicios (id, unidad_id),
    CONSTRAINT ck_estadisticas_contadores CHECK (
        turnos_emitidos >= 0 AND turnos_atendidos >= 0 AND turnos_no_se_presento >= 0
        AND turnos_transferidos >= 0 AND turnos_preferenciales >= 0 AND turnos_dentro_sla >= 0
        AND agendamientos_reservados >= 0 AND agendamientos_atendidos >= 0
        AND agendamientos_no_se_presento >= 0 AND agendamientos_cancelados >= 0)
);
COMMENT ON TABLE estadisticas IS
    'Resumen diario por servicio: volúmenes de turnos y agendamientos, tiempos de espera y de atención, cumplimiento de SLA.';
CREATE INDEX ix_estadisticas_unidad_fecha ON estadisticas (unidad_id, fecha);
CREATE INDEX ix_estadisticas_fecha ON estadisticas (fecha);

-- =====================================================================
-- Dominio notifications: bandeja de salida de correos
-- =====================================================================

CREATE TABLE notificaciones (
    id                   uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    tipo                 varchar(40)   NOT NULL,
    canal                varchar(10)   NOT NULL DEFAULT 'EMAIL',
    destinatario         varchar(254)  NOT NULL,
    idioma               varchar(5)    NOT NULL DEFAULT 'es',
    asunto               varchar(300),
    cuerpo_texto         text,
    cuerpo_html          text,
    datos                jsonb         NOT NULL DEFAULT '{}'::jsonb,
    agendamiento_id      uuid          REFERENCES agendamientos (id),
    usuario_id           uuid          REFERENCES usuarios (id),
    clave_deduplicacion  varchar(200),
    estado               varchar(20)   NOT NULL DEFAULT 'PENDIENTE',
    intentos             integer       NOT NULL DEFAULT 0,
    max_intentos         integer       NOT NULL DEFAULT 8,
    proximo_intento      timestamptz   NOT NULL DEFAULT now(),
    bloqueado_hasta      timestamptz,
    procesado_por        varchar(100),
    ultimo_error         varchar(2000),
    enviada_en           timestamptz,
    message_id           varchar(300),
    version              bigint        NOT NULL DEFAULT 0,
    fecha_creacion       timestamptz   NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT uq_notificaciones_clave UNIQUE (clave_deduplicacion),
    CONSTRAINT ck_notificaciones_estado CHECK (estado IN ('PENDIENTE', 'ENVIANDO', 'ENVIADA', 'FALLIDA')),
    CONSTRAINT ck_notificaciones_canal  CHECK (canal IN ('EMAIL')),
    CONSTRAINT ck_notificaciones_idioma CHECK (idioma IN ('es', 'en')),
    CONSTRAINT ck_notificaciones_tipo   CHECK (tipo IN
        ('CONFIRMACION_AGENDAMIENTO', 'CAMBIO_AGENDAMIENTO', 'CANCELACION_AGENDAMIENTO',
         'AVISO_CIERRE', 'RECORDATORIO_AGENDAMIENTO', 'RESTABLECIMIENTO_PASSWORD',
         'BLOQUEO_CIUDADANO', 'GENERICA')),
    CONSTRAINT ck_notificaciones_intentos CHECK (intentos >= 0 AND max_intentos > 0),
    CONSTRAINT ck_notificaciones_enviada  CHECK (estado <> 'ENVIADA' OR enviada_en IS NOT NULL)
);
COMMENT ON TABLE notificaciones IS
    'Bandeja de salida (outbox) de correos: se guarda antes de enviar; un trabajador la procesa con reintentos y backoff. Estados: PENDIENTE, ENVIANDO (tomada por una instancia hasta bloqueado_hasta), ENVIADA, FALLIDA (agotó reintentos; ver ultimo_error).';
COMMENT ON COLUMN notificaciones.clave_deduplicacion IS 'Clave única de negocio (p. ej. RECORDATORIO:<agendamiento_id>) que garantiza un solo mensaje aunque varias instancias lo intenten.';
COMMENT ON COLUMN notificaciones.datos IS 'Parámetros de la plantilla (JSON) para generar texto, HTML, .ics y QR al enviar.';
CREATE INDEX ix_notificaciones_pendientes ON notificaciones (proximo_intento)
    WHERE estado IN ('PENDIENTE', 'ENVIANDO');
CREATE INDEX ix_notificaciones_estado_fecha ON notificaciones (estado, fecha_creacion DESC);
CREATE INDEX ix_notificaciones_agendamiento ON notificaciones (agendamiento_id) WHERE agendamiento_id IS NOT NULL;
CREATE INDEX ix_notificaciones_usuario ON notificaciones (usuario_id) WHERE usuario_id IS NOT NULL;
CREATE INDEX ix_notificaciones_destinatario ON notificaciones (lower(destinatario));

CREATE TABLE notificacion_adjuntos (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    notificacion_id      uuid         NOT NULL REFERENCES notificaciones (id) ON DELETE CASCADE,
    nombre_archivo       varchar(200) NOT NULL,
    tipo_contenido       varchar(100) NOT NULL,
    contenido            bytea        NOT NULL,
    fecha_creacion       timestamptz  NOT NULL DEFAULT now(),
    ultima_actualizacion timestamptz  NOT NULL DEFAULT now()
);
COMMENT ON TABLE notificacion_adjuntos IS 'Adjuntos ya generados de un correo (invitación .ics, imagen QR).';
CREATE INDEX ix_notificacion_adjuntos_notificacion ON notificacion_adjuntos (notificacion_id);

-- =====================================================================
-- Infraestructura: bloqueo de tareas programadas entre instancias
-- =====================================================================

CREATE TABLE bloqueos_tareas (
    nombre          varchar(64)  PRIMARY KEY,
    bloqueado_hasta timestamptz  NOT NULL,
    bloqueado_en    timestamptz  NOT NULL DEFAULT now(),
    bloqueado_por   varchar(100) NOT NULL
);
COMMENT ON TABLE bloqueos_tareas IS
    'Candado por nombre de tarea programada (recordatorios, agregación de estadísticas) para que corra en una sola instancia a la vez.';

-- =====================================================================
-- Disparadores de ultima_actualizacion
-- =====================================================================

CREATE TRIGGER trg_direcciones_municipales_ua BEFORE UPDATE ON direcciones_municipales
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_unidades_ua BEFORE UPDATE ON unidades
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_servicios_ua BEFORE UPDATE ON servicios
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_estaciones_ua BEFORE UPDATE ON estaciones
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_horarios_unidad_ua BEFORE UPDATE ON horarios_unidad
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_feriados_ua BEFORE UPDATE ON feriados
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_cierres_unidad_ua BEFORE UPDATE ON cierres_unidad
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_categorias_preferenciales_ua BEFORE UPDATE ON categorias_preferenciales
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_reglas_prioridad_ua BEFORE UPDATE ON reglas_prioridad
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_parametros_sistema_ua BEFORE UPDATE ON parametros_sistema
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_usuarios_ua BEFORE UPDATE ON usuarios
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_tokens_restablecimiento_ua BEFORE UPDATE ON tokens_restablecimiento
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_auditoria_ua BEFORE UPDATE ON auditoria
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_agendamientos_ua BEFORE UPDATE ON agendamientos
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_bloqueos_ciudadanos_ua BEFORE UPDATE ON bloqueos_ciudadanos
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_contadores_turno_ua BEFORE UPDATE ON contadores_turno
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_turnos_ua BEFORE UPDATE ON turnos
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_turno_eventos_ua BEFORE UPDATE ON turno_eventos
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_sesiones_estacion_ua BEFORE UPDATE ON sesiones_estacion
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_pausas_estacion_ua BEFORE UPDATE ON pausas_estacion
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_estadisticas_ua BEFORE UPDATE ON estadisticas
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_notificaciones_ua BEFORE UPDATE ON notificaciones
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
CREATE TRIGGER trg_notificacion_adjuntos_ua BEFORE UPDATE ON notificacion_adjuntos
    FOR EACH ROW EXECUTE FUNCTION actualizar_ultima_actualizacion();
