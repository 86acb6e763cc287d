package cl.ventanilla.ai.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo municipality's catalog (Valle Verde, 22 services) read from the kernel's own demo data script,
 * so the ranking is tested on the catalog the product ships with, not on a copy kept for the tests.
 */
final class DemoCatalog {

    static final UUID FIRST_LICENCE = id(1);
    static final UUID LICENCE_RENEWAL = id(2);
    static final UUID LICENCE_DUPLICATE = id(3);
    static final UUID CIRCULATION_RENEWAL = id(5);
    static final UUID HOUSEHOLD_REGISTRY = id(8);
    static final UUID WATER_SUBSIDY = id(12);
    static final UUID BUILDING_PERMIT = id(14);
    static final UUID BUSINESS_LICENCE = id(18);
    static final UUID LIQUOR_LICENCE = id(19);
    static final UUID WASTE_FEES = id(20);
    static final UUID DEBT_AGREEMENT = id(22);

    private DemoCatalog() {
    }

    static UUID id(int service) {
        return UUID.fromString(String.format("30000000-0000-4000-8000-%012d", service));
    }

    static List<CatalogEntry> entries() {
        String sql = script();
        Map<String, String> directorates = new HashMap<>();
        rows(sql, "INSERT INTO direcciones_municipales").forEach(r -> directorates.put(r.get(0), r.get(1)));
        Map<String, String[]> units = new HashMap<>();
        rows(sql, "INSERT INTO unidades").forEach(r -> units.put(r.get(0), new String[] {r.get(2), directorates.get(r.get(1)), r.get(0)}));
        List<CatalogEntry> entries = new ArrayList<>();
        for (List<String> r : rows(sql, "INSERT INTO servicios")) {
            String[] unit = units.get(r.get(1));
            entries.add(new CatalogEntry(UUID.fromString(r.get(0)), r.get(2), r.get(3), r.get(5), UUID.fromString(unit[2]), unit[0], unit[1],
                    Boolean.parseBoolean(r.get(7))));
        }
        return entries;
    }

    private static String script() {
        try (InputStream in = DemoCatalog.class.getClassLoader().getResourceAsStream("db/demo/datos_demo.sql")) {
            if (in == null) {
                throw new IllegalStateException("the kernel's demo data is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value tuples of the first INSERT that starts with {@code statement}: SQL literals as text. */
    private static List<List<String>> rows(String sql, String statement) {
        int at = sql.indexOf(" VALUES", sql.indexOf(statement)) + " VALUES".length();
        List<List<String>> rows = new ArrayList<>();
        List<String> row = null;
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = at; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quoted) {
                if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '(') {
                row = new ArrayList<>();
                value.setLength(0);
            } else if ((c == ',' || c == ')') && row != null) {
                row.add(value.toString().strip());
                value.setLength(0);
                if (c == ')') {
                    rows.add(row);
                    row = null;
                }
            } else if (c == ';' && row == null) {
                break;
            } else if (row != null) {
                value.append(c);
            }
        }
        return rows;
    }
}
