package cl.ventanilla.statistics.control;

import cl.ventanilla.statistics.entity.Dimension;
import cl.ventanilla.statistics.entity.SummaryRow;
import jakarta.enterprise.context.Dependent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Summaries as CSV for a spreadsheet: UTF-8 with a byte-order mark (without it Excel reads "Atención" as
 * "AtenciÃ³n"), fields separated by {@code ;} and decimals with a comma, which is what Excel expects where
 * the list separator is the semicolon (es-CL and most of Europe); with English, {@code ,} and a point.
 * Lines end in CRLF; text with the separator, quotes or line breaks is quoted. Times in seconds.
 */
@Dependent
public class CsvExport {

    public static final String BOM = "\uFEFF";

    private record Column(String es, String en, Function<SummaryRow, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("desde", "from", SummaryRow::from),
            new Column("hasta", "to", SummaryRow::to),
            new Column("emitidos", "issued", SummaryRow::issued),
            new Column("emitidos_presenciales", "issued_walk_in", SummaryRow::issuedWalkIn),
            new Column("emitidos_agendamiento", "issued_appointment", SummaryRow::issuedAppointment),
            new Column("emitidos_preferenciales", "issued_preferential", SummaryRow::issuedPreferential),
            new Column("atendidos", "served", SummaryRow::served),
            new Column("no_se_presento", "no_shows", SummaryRow::noShows),
            new Column("abandonados", "abandoned", SummaryRow::abandoned),
            new Column("transferidos", "transferred", SummaryRow::transferredOut),
            new Column("espera_promedio_seg", "mean_wait_s", SummaryRow::meanWait),
            new Column("espera_p50_seg", "p50_wait_s", SummaryRow::p50Wait),
            new Column("espera_p90_seg", "p90_wait_s", SummaryRow::p90Wait),
            new Column("espera_maxima_seg", "max_wait_s", SummaryRow::maxWait),
            new Column("atencion_promedio_seg", "mean_service_s", SummaryRow::meanService),
            new Column("atencion_p50_seg", "p50_service_s", SummaryRow::p50Service),
            new Column("atencion_p90_seg", "p90_service_s", SummaryRow::p90Service),
            new Column("dentro_sla", "within_sla", SummaryRow::shareWithinSla),
            new Column("espera_preferencial_promedio_seg", "mean_wait_preferential_s", SummaryRow::meanWaitPreferential),
            new Column("espera_preferencial_p90_seg", "p90_wait_preferential_s", SummaryRow::p90WaitPreferential),
            new Column("espera_normal_promedio_seg", "mean_wait_normal_s", SummaryRow::meanWaitNormal),
            new Column("espera_normal_p90_seg", "p90_wait_normal_s", SummaryRow::p90WaitNormal),
            new Column("espera_agendamiento_promedio_seg", "mean_wait_appointment_s", SummaryRow::meanWaitAppointment),
            new Column("espera_presencial_promedio_seg", "mean_wait_walk_in_s", SummaryRow::meanWaitWalkIn),
            new Column("agendamientos_reservados", "bookings_booked", SummaryRow::booked),
            new Column("agendamientos_asistidos", "bookings_kept", SummaryRow::kept),
            new Column("agendamientos_no_se_presento", "bookings_no_show", SummaryRow::bookingNoShows),
            new Column("agendamientos_cancelados", "bookings_cancelled", SummaryRow::cancelled));

    public byte[] write(List<SummaryRow> rows, Dimension dimension, Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        char separator = english ? ',' : ';';
        StringBuilder out = new StringBuilder(BOM);
        List<String> header = new ArrayList<>();
        if (dimension != Dimension.TOTAL) {
            header.add(english ? dimension.name().toLowerCase(Locale.ROOT) : spanish(dimension));
        }
        COLUMNS.forEach(c -> header.add(english ? c.en() : c.es()));
        line(out, header, separator);
        for (SummaryRow row : rows) {
            List<String> fields = new ArrayList<>();
            if (dimension != Dimension.TOTAL) {
                fields.add(row.name() == null ? "" : row.name());
            }
            for (Column c : COLUMNS) {
                Object v = c.value().apply(row);
                fields.add(v == null ? "" : v instanceof Double d ? decimal(d, english) : v.toString());
            }
            line(out, fields, separator);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String spanish(Dimension d) {
        return switch (d) {
            case UNIT -> "unidad";
            case SERVICE -> "servicio";
            case STATION -> "modulo";
            case OPERATOR -> "funcionario";
            case TOTAL -> "total";
        };
    }

    private static String decimal(double share, boolean english) {
        String text = String.format(Locale.ROOT, "%.4f", share);
        return english ? text : text.replace('.', ',');
    }

    private static void line(StringBuilder out, List<String> fields, char separator) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            String f = fields.get(i);
            if (f.indexOf(separator) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append("\r\n");
    }
}
