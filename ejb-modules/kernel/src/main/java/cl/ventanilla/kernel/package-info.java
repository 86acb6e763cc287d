/**
 * The few things every domain of Ventanilla needs: the {@link cl.ventanilla.kernel.Rut} value object,
 * the base {@link cl.ventanilla.kernel.DomainException} with messages in Spanish and English, the Redis
 * client that degrades instead of failing, and the versioned schema migrations. Nothing else.
 */
package cl.ventanilla.kernel;
