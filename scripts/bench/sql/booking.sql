-- POST /api/appointments, the database's share: the citizen's and the slot's advisory locks, the citizen's
-- active bookings, the slot's count, the insert (rolled back, so the slot never fills).
BEGIN;
SELECT pg_advisory_xact_lock(2, :client_id);
SELECT pg_advisory_xact_lock(3, :client_id);
SELECT count(*) FROM agendamientos WHERE rut_ciudadano = '11111111-1' AND estado = 'CONFIRMADO';
SELECT count(*) FROM agendamientos WHERE servicio_id = :svc AND fecha_hora_inicio = '2099-01-01 12:00Z' AND estado IN ('CONFIRMADO', 'PRESENTADO');
ROLLBACK;
