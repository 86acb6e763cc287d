-- GET /api/appointments/services/{id}/days (30 days), the database's share: what is booked per slot.
SELECT fecha_hora_inicio, count(*) FROM agendamientos
WHERE servicio_id = :svc AND estado IN ('CONFIRMADO', 'PRESENTADO')
  AND fecha_hora_inicio >= CAST(:from AS date) AND fecha_hora_inicio < CAST(:to AS date) + 1
GROUP BY fecha_hora_inicio;
