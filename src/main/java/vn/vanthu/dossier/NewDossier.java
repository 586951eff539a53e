package vn.vanthu.dossier;

/**
 * The body of {@code POST /api/v1/dossiers}: either {@code catalogueSymbol} (a row of the year's catalogue gives
 * symbol, title, retention and responsible user, each of which may still be given here) or those fields alone.
 */
public record NewDossier(String catalogueSymbol, Integer year, String symbol, String title, String retention,
                         String responsibleUserId, String rights, String language, String category, String startDate,
                         String keyword, String description) {}
