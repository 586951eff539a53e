package vn.vanthu.dispatch;

import java.util.List;

/**
 * The metadata part of {@code POST /api/v1/dispatches}, as the client sends it.
 *
 * <pre>{@code new NewDispatch("CV", "V/v …", "PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng", userId, List.of("Các phòng"), "VP", "NORMAL", false, null)}</pre>
 */
public record NewDispatch(String documentType, String subject, String signerPosition, String signerName,
                          String signerUserId, List<String> recipients, String draftingUnit, String priority,
                          Boolean secret, String dueDate) {}
