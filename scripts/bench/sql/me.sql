-- GET /api/auth/me: the token's session still open (account active, not logged out) and the account read.
SELECT debe_cambiar_password FROM usuarios
WHERE id = :account AND activo AND NOT EXISTS (SELECT 1 FROM sesiones_revocadas WHERE jti = :jti);
SELECT id, rut, nombre, email, activo, debe_cambiar_password FROM usuarios WHERE id = :account;
SELECT rol FROM usuario_roles WHERE usuario_id = :account;
SELECT unidad_id FROM usuario_unidades WHERE usuario_id = :account;
