-- The desk cycle, the database's share: call-next (the station's advisory lock, its ticket in hand, the next
-- waiting ticket taken with SKIP LOCKED, the call and its history row), start and finish (each an update and a
-- history row): three transactions, one cycle. Tickets of a day far away, filled by bench.py.
BEGIN;
SELECT pg_advisory_xact_lock(1, :client_id);
SELECT id FROM turnos WHERE estacion_id = :station AND fecha = '2099-01-01' AND estado IN ('LLAMADO', 'EN_ATENCION');
SELECT id AS t FROM turnos WHERE servicio_atencion_id = :svc AND fecha = '2099-01-01' AND estado = 'ESPERANDO'
ORDER BY hora_ingreso_cola, numero LIMIT 1 FOR UPDATE SKIP LOCKED \gset
UPDATE turnos SET estado = 'LLAMADO', estacion_id = :station, hora_llamado = now(), version = version + 1 WHERE id = ':t';
INSERT INTO turno_eventos (turno_id, tipo, servicio_id, estacion_id) VALUES (':t', 'LLAMADO', :svc, :station);
COMMIT;
BEGIN;
UPDATE turnos SET estado = 'EN_ATENCION', hora_inicio_atencion = now(), version = version + 1 WHERE id = ':t';
INSERT INTO turno_eventos (turno_id, tipo, servicio_id, estacion_id) VALUES (':t', 'INICIADO', :svc, :station);
COMMIT;
BEGIN;
UPDATE turnos SET estado = 'FINALIZADO', hora_fin_atencion = now(), version = version + 1 WHERE id = ':t';
INSERT INTO turno_eventos (turno_id, tipo, servicio_id, estacion_id) VALUES (':t', 'FINALIZADO', :svc, :station);
COMMIT;
