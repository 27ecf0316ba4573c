package fr.passerelle.wallet;

import java.util.Objects;

/**
 * A presentation refused at one step of the verification. The detail is for operators' logs and
 * never holds a claim value: only which check failed and how.
 */
public final class WalletRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient WalletRefusal refusal;

    public WalletRefusedException(WalletRefusal refusal, String detail) {
        super(refusal.code() + ": " + detail, null, false, false);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public WalletRefusedException(WalletRefusal refusal, String detail, Throwable cause) {
        super(refusal.code() + ": " + detail + " (" + cause.getClass().getSimpleName() + ")", null, false, false);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public WalletRefusal refusal() {
        return refusal;
    }
}
