-- The queue's reads cost the same with 10 000 tickets waiting as with ten (issue 11). Each index below is
-- partial: it holds only the rows one question asks about, in the order it asks, so the answer is the first
-- entry found instead of a scan and a sort of the day's tickets.

-- The next ticket to call (Queues.takeNext): the day's waiting tickets in arrival order, over every service,
-- so a station's several services are read in one ordered pass; by class (preferential or not); and the
-- checked-in appointments by booked time.
CREATE INDEX IF NOT EXISTS ix_turnos_esperando ON turnos (fecha, hora_ingreso_cola, numero)
    WHERE estado = 'ESPERANDO';
CREATE INDEX IF NOT EXISTS ix_turnos_esperando_clase ON turnos (fecha, preferencial, hora_ingreso_cola, numero)
    WHERE estado = 'ESPERANDO';
CREATE INDEX IF NOT EXISTS ix_turnos_esperando_agenda ON turnos (fecha, hora_agendada, hora_ingreso_cola, numero)
    WHERE estado = 'ESPERANDO' AND hora_agendada IS NOT NULL;
-- People ahead and the head of the line of one service (Queues.waiting, WaitEstimator).
CREATE INDEX IF NOT EXISTS ix_turnos_esperando_servicio ON turnos (servicio_atencion_id, fecha, hora_ingreso_cola)
    WHERE estado = 'ESPERANDO';
-- The recent service times and the last call of a service (WaitEstimator).
CREATE INDEX IF NOT EXISTS ix_turnos_finalizados ON turnos (servicio_atencion_id, hora_fin_atencion DESC)
    WHERE estado = 'FINALIZADO';
CREATE INDEX IF NOT EXISTS ix_turnos_llamados_servicio ON turnos (servicio_atencion_id, hora_llamado DESC)
    WHERE hora_llamado IS NOT NULL;
-- The lobby's last calls (Queues.lastCalls): the newest calls first.
CREATE INDEX IF NOT EXISTS ix_turno_eventos_llamados ON turno_eventos (fecha_hora DESC)
    WHERE tipo IN ('LLAMADO', 'RELLAMADO');
