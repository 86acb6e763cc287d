-- Cola: la hora agendada de los turnos de check-in, para llamar primero las horas que ya llegaron
-- sin leer agendamientos (otro dominio) en cada llamado.

ALTER TABLE turnos ADD COLUMN hora_agendada timestamptz;
ALTER TABLE turnos ADD CONSTRAINT ck_turnos_hora_agendada
    CHECK ((origen = 'AGENDAMIENTO') = (hora_agendada IS NOT NULL));
COMMENT ON COLUMN turnos.hora_agendada IS
    'Inicio de la hora agendada (copiado en el check-in); desde ese momento el turno se llama antes que los demás.';
