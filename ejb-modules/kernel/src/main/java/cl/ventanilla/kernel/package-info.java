/**
 * The few things every domain of Ventanilla needs: the {@link cl.ventanilla.kernel.Rut} value object,
 * the base {@link cl.ventanilla.kernel.DomainException} with messages in Spanish and English, the Redis
 * client that degrades instead of failing, who the client of a request is behind the gateway
 * ({@link cl.ventanilla.kernel.web.ForwardedHeaders}), and the versioned schema migrations. Nothing else.
 */
package cl.ventanilla.kernel;
