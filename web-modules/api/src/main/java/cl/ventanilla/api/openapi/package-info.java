/** The API's OpenAPI document, built from the resources' own annotations. */
package cl.ventanilla.api.openapi;
