-- =====================================================================
-- V3: autenticación — sesiones terminadas antes de su vencimiento
--
-- Los tokens firmados (JWT) no se guardan: se verifican con la clave
-- pública. Para que un cierre de sesión valga en todas las instancias
-- del clúster se guarda el identificador (jti) del token cerrado hasta
-- que el token habría vencido de todos modos; después la fila sobra.
-- =====================================================================

CREATE TABLE sesiones_revocadas (
    jti            varchar(64) PRIMARY KEY,
    expira_en      timestamptz NOT NULL,
    fecha_creacion timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sesiones_revocadas IS
    'Tokens (jti) cerrados con "cerrar sesión" antes de vencer; se rechazan en todas las instancias. Las filas con expira_en pasada se pueden borrar.';
CREATE INDEX ix_sesiones_revocadas_expira ON sesiones_revocadas (expira_en);
