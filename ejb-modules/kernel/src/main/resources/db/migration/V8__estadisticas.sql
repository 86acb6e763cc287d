-- Estadísticas (issue 10): agregados diarios alimentados por los hechos de la cola y de los agendamientos,
-- en la misma transacción del hecho (una sentencia por hecho), y reconstruibles desde turnos, turno_eventos
-- y agendamientos. Las reglas (cubetas del histograma, segundos de espera, operador de una estación) viven
-- aquí, en SQL, una sola vez: las usan la agregación en vivo y la reconstrucción.

-- Límites superiores (exclusivos) de las cubetas, en segundos; la última cubeta no tiene límite.
CREATE OR REPLACE FUNCTION estadistica_limites() RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY[30, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1500, 1800, 2400, 3000, 3600, 4500, 5400,
                 7200, 10800]::int[]
$$;

-- Cubeta (1..21) de una duración en segundos.
CREATE OR REPLACE FUNCTION estadistica_cubeta(segundos int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT width_bucket(segundos, estadistica_limites()) + 1
$$;

-- Histograma con las cuentas de una lista de cubetas (NULL o vacía: todo cero).
CREATE OR REPLACE FUNCTION estadistica_contar(cubetas int[]) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_agg(coalesce(c.n, 0)::int ORDER BY i)
    FROM generate_series(1, cardinality(estadistica_limites()) + 1) i
    LEFT JOIN (SELECT b, count(*) AS n FROM unnest(cubetas) b GROUP BY b) c ON c.b = i
$$;

-- Histograma de una sola duración (NULL: todo cero).
CREATE OR REPLACE FUNCTION estadistica_histograma(segundos int) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT estadistica_contar(CASE WHEN segundos IS NULL THEN NULL ELSE ARRAY[estadistica_cubeta(segundos)] END)
$$;

-- Suma elemento a elemento de dos histogramas.
CREATE OR REPLACE FUNCTION estadistica_sumar(a int[], b int[]) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i) FROM unnest(a, b) WITH ORDINALITY u(x, y, i)
$$;

-- Segundos enteros entre dos instantes (nunca negativo); NULL si falta alguno.
CREATE OR REPLACE FUNCTION estadistica_segundos(desde timestamptz, hasta timestamptz) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT greatest(0, floor(extract(epoch FROM hasta - desde)))::int
$$;

-- Funcionario sentado en la estación en ese instante (sesiones_estacion de la cola).
CREATE OR REPLACE FUNCTION estadistica_operador(estacion uuid, instante timestamptz) RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT s.usuario_id FROM sesiones_estacion s
    WHERE s.estacion_id = estacion AND s.inicio <= instante AND (s.fin IS NULL OR s.fin >= instante)
    ORDER BY s.inicio DESC LIMIT 1
$$;

-- Meta de espera del servicio en segundos (servicios.sla_minutos).
CREATE OR REPLACE FUNCTION estadistica_sla_seg(servicio uuid) RETURNS int LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT sla_minutos * 60 FROM servicios WHERE id = servicio
$$;

CREATE TABLE IF NOT EXISTS estadisticas_turnos (
    fecha                     date    NOT NULL,
    unidad_id                 uuid    NOT NULL,
    servicio_id               uuid    NOT NULL,
    estacion_id               uuid,
    usuario_id                uuid,
    emitidos                  integer NOT NULL DEFAULT 0,
    emitidos_preferenciales   integer NOT NULL DEFAULT 0,
    emitidos_agendamiento     integer NOT NULL DEFAULT 0,
    atendidos                 integer NOT NULL DEFAULT 0,
    atendidos_preferenciales  integer NOT NULL DEFAULT 0,
    atendidos_agendamiento    integer NOT NULL DEFAULT 0,
    atendidos_dentro_sla      integer NOT NULL DEFAULT 0,
    no_se_presento            integer NOT NULL DEFAULT 0,
    transferidos              integer NOT NULL DEFAULT 0,
    transferidos_entrantes    integer NOT NULL DEFAULT 0,
    espera_total_seg          bigint  NOT NULL DEFAULT 0,
    espera_preferencial_seg   bigint  NOT NULL DEFAULT 0,
    espera_agendamiento_seg   bigint  NOT NULL DEFAULT 0,
    espera_maxima_seg         integer NOT NULL DEFAULT 0,
    atencion_total_seg        bigint  NOT NULL DEFAULT 0,
    histograma_espera         integer[] NOT NULL DEFAULT estadistica_histograma(NULL),
    histograma_espera_preferencial integer[] NOT NULL DEFAULT estadistica_histograma(NULL),
    histograma_atencion       integer[] NOT NULL DEFAULT estadistica_histograma(NULL),
    ultima_actualizacion      timestamptz NOT NULL DEFAULT now(),
    -- sin FK ni CHECK a propósito: la sentencia de un hecho no debe poder fallar y abortar la transacción
    -- del turno o de la reserva
    CONSTRAINT uq_estadisticas_turnos UNIQUE NULLS NOT DISTINCT (fecha, unidad_id, servicio_id, estacion_id, usuario_id)
);
COMMENT ON TABLE estadisticas_turnos IS
    'Turnos por día (turnos.fecha), unidad, servicio, estación y funcionario. Emisiones y transferencias entrantes '
    'sin estación (NULL); atenciones, inasistencias y transferencias salientes con la estación y el funcionario '
    'sentado en ella. Histogramas: cuentas por cubeta de estadistica_limites().';
COMMENT ON COLUMN estadisticas_turnos.histograma_espera IS
    'Espera (hora_llamado - hora_ingreso_cola) de los turnos atendidos, por cubeta.';
CREATE INDEX IF NOT EXISTS ix_estadisticas_turnos_unidad_fecha ON estadisticas_turnos (unidad_id, fecha);
CREATE INDEX IF NOT EXISTS ix_estadisticas_turnos_fecha ON estadisticas_turnos (fecha);

-- estadisticas: el resumen diario por servicio (V1), ahora con las mismas columnas de turnos que
-- estadisticas_turnos, escritas en la misma sentencia del hecho: las pantallas por unidad o servicio leen
-- una fila por servicio y día en vez de una por módulo y funcionario.
ALTER TABLE estadisticas
    ADD COLUMN IF NOT EXISTS emitidos                  integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS emitidos_preferenciales   integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS emitidos_agendamiento     integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS atendidos                 integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS atendidos_preferenciales  integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS atendidos_agendamiento    integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS atendidos_dentro_sla      integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS no_se_presento            integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS transferidos              integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS transferidos_entrantes    integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS espera_total_seg          bigint  NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS espera_preferencial_seg   bigint  NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS espera_agendamiento_seg   bigint  NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS atencion_total_seg        bigint  NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS histograma_espera         integer[] NOT NULL DEFAULT estadistica_histograma(NULL),
    ADD COLUMN IF NOT EXISTS histograma_espera_preferencial integer[] NOT NULL DEFAULT estadistica_histograma(NULL),
    ADD COLUMN IF NOT EXISTS histograma_atencion       integer[] NOT NULL DEFAULT estadistica_histograma(NULL);
ALTER TABLE estadisticas ALTER COLUMN espera_maxima_seg SET DEFAULT 0;
UPDATE estadisticas SET espera_maxima_seg = 0 WHERE espera_maxima_seg IS NULL;
ALTER TABLE estadisticas ALTER COLUMN espera_maxima_seg SET NOT NULL;
COMMENT ON TABLE estadisticas IS
    'Resumen diario por servicio: los turnos (las mismas columnas que estadisticas_turnos, sumadas por servicio '
    'y día) y los agendamientos por día de la hora agendada (America/Santiago): reservados (sin contar los '
    'reprogramados a otra hora), asistidos (check-in), inasistencias y cancelados. Las columnas turnos_* y '
    'espera/atencion_promedio/p50/p90 de V1 no se usan: las medias y percentiles salen de sumas e histogramas.';
