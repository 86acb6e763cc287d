-- =====================================================================
-- Dominio appointments: cupos reservados para la atención presencial,
-- desafíos de prueba de trabajo ya usados, contadores de intentos por IP
-- (respaldo cuando Redis no responde) y secretos compartidos por las
-- instancias del clúster.
-- =====================================================================

ALTER TABLE servicios
    ADD COLUMN estaciones_reservadas_presencial integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT ck_servicios_reservadas_presencial CHECK (estaciones_reservadas_presencial >= 0);
COMMENT ON COLUMN servicios.estaciones_reservadas_presencial IS
    'Estaciones por bloque que no se ofrecen para agendar: quedan para la atención presencial (turnos del tótem).';

CREATE TABLE desafios_usados (
    id        varchar(64) PRIMARY KEY,
    expira_en timestamptz NOT NULL
);
COMMENT ON TABLE desafios_usados IS
    'Desafíos de prueba de trabajo ya canjeados en una reserva: cada uno sirve una sola vez, hasta que vence.';
CREATE INDEX ix_desafios_usados_expira ON desafios_usados (expira_en);

CREATE TABLE intentos_agendamiento_ip (
    ip       varchar(45) NOT NULL,
    hora     timestamptz NOT NULL,
    intentos integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (ip, hora),
    CONSTRAINT ck_intentos_agendamiento_ip CHECK (intentos >= 0)
);
COMMENT ON TABLE intentos_agendamiento_ip IS
    'Intentos de reserva por dirección IP y hora, cuando Redis no responde (con Redis, los cuenta Redis).';
CREATE INDEX ix_intentos_agendamiento_ip_hora ON intentos_agendamiento_ip (hora);

CREATE TABLE secretos_sistema (
    nombre         varchar(60)  PRIMARY KEY,
    valor          varchar(200) NOT NULL,
    fecha_creacion timestamptz  NOT NULL DEFAULT now()
);
COMMENT ON TABLE secretos_sistema IS
    'Secretos aleatorios generados una vez y compartidos por todas las instancias (p. ej. la firma de los desafíos de reserva si VENTANILLA_CHALLENGE_SECRET no está definido).';

CREATE INDEX ix_agendamientos_rut_estado_inicio ON agendamientos (rut_ciudadano, estado, fecha_hora_inicio);
