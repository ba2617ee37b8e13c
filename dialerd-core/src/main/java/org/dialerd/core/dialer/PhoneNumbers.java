package org.dialerd.core.dialer;

/**
 * Phone numbers as the do-not-call check and the duplicate check compare them: digits only,
 * so "(099) 555-1234", "099 555 1234" and "0995551234" are the same number. A leading '+' is
 * dropped with the rest; numbers that differ only by it are treated as the same.
 */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    public static String normalize(String phone) {
        StringBuilder digits = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
