package vn.vanthu.dispatch;

/** The yearly number series of an agency: ordinary outgoing documents, secret documents, electronic copies. */
public enum SeriesKind { OUTGOING, SECRET, COPY }
