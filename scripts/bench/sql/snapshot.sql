-- GET /api/queue/units/{id}/snapshot, the database's share: waiting per service of the unit, the last calls.
SELECT servicio_atencion_id, count(*) FROM turnos WHERE unidad_id = :unit AND fecha = :day AND estado = 'ESPERANDO'
GROUP BY servicio_atencion_id;
SELECT t.id, t.prefijo, t.numero, e.servicio_id, s.nombre, s.numero, e.fecha_hora, e.tipo
FROM turno_eventos e JOIN turnos t ON t.id = e.turno_id JOIN estaciones s ON s.id = e.estacion_id
WHERE t.unidad_id = :unit AND t.fecha = :day AND e.tipo IN ('LLAMADO', 'RELLAMADO')
ORDER BY e.fecha_hora DESC LIMIT 32;
