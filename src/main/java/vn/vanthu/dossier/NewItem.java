package vn.vanthu.dossier;

/**
 * The metadata part of filing an uploaded document: an incoming document (văn bản đến: its number/symbol, date,
 * issuing organ, type, subject) or any other file ({@code kind} OTHER; the date defaults to today).
 */
public record NewItem(String kind, String numberSymbol, String documentDate, String issuingOrgan, String documentType,
                      String subject) {}
