-- Estadísticas por módulo y funcionario (issue 10): las vistas por estación o por funcionario de todo el
-- municipio leían las filas finas (un servicio por fila): un año por día eran ~120 000 filas y sus
-- histogramas sumados en cada consulta. estadisticas_estaciones guarda lo mismo sumado sobre los servicios
-- (una fila por día, unidad, estación y funcionario), escrita por la misma sentencia del hecho que la fila fina
-- y la del servicio, y reconstruible desde las filas finas como estadisticas.

-- El histograma de una duración sin consultas anidadas (una expresión que PostgreSQL integra en la sentencia):
-- la sentencia de cada atención lo calcula tres veces. Mismo resultado que estadistica_contar de una cubeta.
-- (Las sentencias de los hechos ya no usan estadistica_sumar: suman 1 en la cubeta de la atención.)
CREATE OR REPLACE FUNCTION estadistica_histograma(segundos int) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN segundos IS NULL THEN array_fill(0, ARRAY[cardinality(estadistica_limites()) + 1])
                ELSE array_fill(0, ARRAY[estadistica_cubeta(segundos) - 1]) || 1
                     || array_fill(0, ARRAY[cardinality(estadistica_limites()) + 1 - estadistica_cubeta(segundos)])
           END
$$;

CREATE TABLE IF NOT EXISTS estadisticas_estaciones (
    fecha                     date    NOT NULL,
    unidad_id                 uuid    NOT NULL,
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
    -- sin FK ni CHECK a propósito, como estadisticas_turnos
    CONSTRAINT uq_estadisticas_estaciones UNIQUE NULLS NOT DISTINCT (fecha, unidad_id, estacion_id, usuario_id)
);
COMMENT ON TABLE estadisticas_estaciones IS
    'Turnos por día, unidad, estación y funcionario: las filas de estadisticas_turnos sumadas sobre los '
    'servicios, escritas por la misma sentencia del hecho. Emisiones y transferencias entrantes sin estación.';
CREATE INDEX IF NOT EXISTS ix_estadisticas_estaciones_unidad_fecha ON estadisticas_estaciones (unidad_id, fecha);

-- Lo que ya hay: las filas finas sumadas (la reconstrucción hace lo mismo, Rebuild.STATION_DAYS).
INSERT INTO estadisticas_estaciones (fecha, unidad_id, estacion_id, usuario_id, emitidos, emitidos_preferenciales,
       emitidos_agendamiento, atendidos, atendidos_preferenciales, atendidos_agendamiento, atendidos_dentro_sla,
       no_se_presento, transferidos, transferidos_entrantes, espera_total_seg, espera_preferencial_seg,
       espera_agendamiento_seg, espera_maxima_seg, atencion_total_seg, histograma_espera,
       histograma_espera_preferencial, histograma_atencion)
SELECT fecha, unidad_id, estacion_id, usuario_id, sum(emitidos), sum(emitidos_preferenciales),
       sum(emitidos_agendamiento), sum(atendidos), sum(atendidos_preferenciales), sum(atendidos_agendamiento),
       sum(atendidos_dentro_sla), sum(no_se_presento), sum(transferidos), sum(transferidos_entrantes),
       sum(espera_total_seg), sum(espera_preferencial_seg), sum(espera_agendamiento_seg), max(espera_maxima_seg),
       sum(atencion_total_seg),
       ARRAY[sum(histograma_espera[1]), sum(histograma_espera[2]), sum(histograma_espera[3]),
             sum(histograma_espera[4]), sum(histograma_espera[5]), sum(histograma_espera[6]),
             sum(histograma_espera[7]), sum(histograma_espera[8]), sum(histograma_espera[9]),
             sum(histograma_espera[10]), sum(histograma_espera[11]), sum(histograma_espera[12]),
             sum(histograma_espera[13]), sum(histograma_espera[14]), sum(histograma_espera[15]),
             sum(histograma_espera[16]), sum(histograma_espera[17]), sum(histograma_espera[18]),
             sum(histograma_espera[19]), sum(histograma_espera[20]), sum(histograma_espera[21])]::int[],
       ARRAY[sum(histograma_espera_preferencial[1]), sum(histograma_espera_preferencial[2]),
             sum(histograma_espera_preferencial[3]), sum(histograma_espera_preferencial[4]),
             sum(histograma_espera_preferencial[5]), sum(histograma_espera_preferencial[6]),
             sum(histograma_espera_preferencial[7]), sum(histograma_espera_preferencial[8]),
             sum(histograma_espera_preferencial[9]), sum(histograma_espera_preferencial[10]),
             sum(histograma_espera_preferencial[11]), sum(histograma_espera_preferencial[12]),
             sum(histograma_espera_preferencial[13]), sum(histograma_espera_preferencial[14]),
             sum(histograma_espera_preferencial[15]), sum(histograma_espera_preferencial[16]),
             sum(histograma_espera_preferencial[17]), sum(histograma_espera_preferencial[18]),
             sum(histograma_espera_preferencial[19]), sum(histograma_espera_preferencial[20]),
             sum(histograma_espera_preferencial[21])]::int[],
       ARRAY[sum(histograma_atencion[1]), sum(histograma_atencion[2]), sum(histograma_atencion[3]),
             sum(histograma_atencion[4]), sum(histograma_atencion[5]), sum(histograma_atencion[6]),
             sum(histograma_atencion[7]), sum(histograma_atencion[8]), sum(histograma_atencion[9]),
             sum(histograma_atencion[10]), sum(histograma_atencion[11]), sum(histograma_atencion[12]),
             sum(histograma_atencion[13]), sum(histograma_atencion[14]), sum(histograma_atencion[15]),
             sum(histograma_atencion[16]), sum(histograma_atencion[17]), sum(histograma_atencion[18]),
             sum(histograma_atencion[19]), sum(histograma_atencion[20]), sum(histograma_atencion[21])]::int[]
FROM estadisticas_turnos
GROUP BY fecha, unidad_id, estacion_id, usuario_id
ON CONFLICT DO NOTHING;
