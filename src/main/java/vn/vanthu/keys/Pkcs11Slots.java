package vn.vanthu.keys;

import vn.vanthu.error.ApiException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Finds the slot holding the token with a given label. The JDK's PKCS#11 provider takes only slot numbers;
 * the label is read through the JDK's own PKCS#11 wrapper, which the JVM must export to this code
 * ({@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}; the jar's manifest
 * carries it as {@code Add-Exports}). Without it, only registration by slot works.
 *
 * <pre>{@code long slot = Pkcs11Slots.slotOf("/usr/lib/softhsm/libsofthsm2.so", "vanthu-test");}</pre>
 */
final class Pkcs11Slots {
    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";
    private static final long CKF_OS_LOCKING_OK = 0x2L;

    private Pkcs11Slots() {}

    static long slotOf(String library, String label) {
        try {
            Class<?> p11Class = Class.forName(WRAPPER + "PKCS11");
            Class<?> argsClass = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
            Object args = argsClass.getConstructor().newInstance();
            argsClass.getField("flags").setLong(args, CKF_OS_LOCKING_OK);
            // The same arguments the JDK's provider uses, so both share one initialised module.
            Object p11 = p11Class.getMethod("getInstance", String.class, String.class, argsClass, boolean.class)
                    .invoke(null, library, "C_GetFunctionList", args, false);
            long[] slots = (long[]) p11Class.getMethod("C_GetSlotList", boolean.class).invoke(p11, true);
            Method tokenInfo = p11Class.getMethod("C_GetTokenInfo", long.class);
            for (long slot : slots) {
                Object info = tokenInfo.invoke(p11, slot);
                char[] raw = (char[]) info.getClass().getField("label").get(info);
                if (new String(raw).strip().equals(label.strip())) {
                    return slot;
                }
            }
        } catch (IllegalAccessException | ClassNotFoundException | NoSuchMethodException | NoSuchFieldException
                 | InstantiationException | IllegalAccessError e) {
            throw ApiException.unprocessable("TOKEN_LABEL_UNSUPPORTED", "This Java runtime does not let vanthu read "
                    + "token labels (start it with --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper="
                    + "ALL-UNNAMED); give the slot number instead", "tokenLabel");
        } catch (InvocationTargetException e) {
            throw new KeyOpener.TokenUnavailable("The PKCS#11 library could not list its tokens", e.getCause());
        }
        throw ApiException.unprocessable("TOKEN_NOT_FOUND", "No token labelled '" + label + "' is present", "tokenLabel");
    }
}
