package vn.vanthu.dossier;

import java.util.Optional;

/** Finds a row of a year's dossier catalogue, from which a dossier is opened. */
@FunctionalInterface
public interface CatalogueLookup {
    /** What a dossier takes from a catalogue row. */
    record Template(String symbol, String title, String retention, String responsibleUserId) {}

    Optional<Template> find(int year, String symbol);
}
