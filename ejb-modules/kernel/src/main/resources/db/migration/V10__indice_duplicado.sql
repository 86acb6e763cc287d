-- Issue 11: ix_turnos_cola (V1) and ix_turnos_esperando_servicio (V6) index the same columns of the same
-- waiting tickets; every ticket issued wrote both. The planner used only the second.
DROP INDEX IF EXISTS ix_turnos_cola;
