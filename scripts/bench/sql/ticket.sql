-- POST /api/queue/tickets, the database's share: the day's number (upsert, row lock held to commit), the
-- people ahead, the ticket and its history row. On a day far away, so it never meets the application's.
BEGIN;
INSERT INTO contadores_turno (servicio_id, fecha, ultimo_numero) VALUES (:svc, '2099-01-01', 1)
ON CONFLICT (servicio_id, fecha) DO UPDATE SET ultimo_numero = contadores_turno.ultimo_numero + 1
RETURNING ultimo_numero AS n \gset
SELECT count(*) FROM turnos WHERE servicio_atencion_id = :svc AND fecha = '2099-01-01' AND estado = 'ESPERANDO';
INSERT INTO turnos (unidad_id, servicio_id, servicio_atencion_id, fecha, numero, prefijo, personas_adelante_emision,
                    espera_estimada_min_p50, espera_estimada_min_p90)
VALUES (:unit, :svc, :svc, '2099-01-01', :n, :prefix, 0, 0, 0) RETURNING id AS t \gset
INSERT INTO turno_eventos (turno_id, tipo, servicio_id) VALUES (':t', 'EMITIDO', :svc);
COMMIT;
