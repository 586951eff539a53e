package vn.vanthu.dispatch;

/**
 * The yearly number series of an agency: ordinary outgoing documents, secret documents, electronic copies.
 *
 * <pre>{@code numbers.reserve("SKHCN", dispatch.secret() ? SeriesKind.SECRET : SeriesKind.OUTGOING)}</pre>
 */
public enum SeriesKind { OUTGOING, SECRET, COPY }
