/** {@code /api/statistics/}: summaries of a period for administrators and supervisors, their CSV, the rebuild. */
package cl.ventanilla.api.statistics;
