package vn.vanthu.dispatch;

/**
 * The yearly number series of an agency: ordinary outgoing documents, secret documents, electronic copies, and the
 * incoming numbers (số đến: one series for paper and electronic documents, secret ones in their own).
 *
 * <pre>{@code numbers.reserve("SKHCN", dispatch.secret() ? SeriesKind.SECRET : SeriesKind.OUTGOING)}</pre>
 */
public enum SeriesKind { OUTGOING, SECRET, COPY, INCOMING, SECRET_IN }
