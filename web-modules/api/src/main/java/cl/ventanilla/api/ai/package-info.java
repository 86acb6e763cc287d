/**
 * {@code /api/ai/}: the assistant over HTTP. Citizens (anonymous) ask which service they need and what to
 * bring, in Spanish or English ({@code Accept-Language}); the answer names only services of the catalog,
 * with their requirements and booking links, and says when the language model took no part. The resource
 * only translates HTTP to a call on the ai boundary.
 */
package cl.ventanilla.api.ai;
