package fr.passerelle.pivot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The identity-key secrets a platform holds: the current version, which every login computes the key with, and the
 * other versions it keeps to recognise accounts given their key under another one: earlier versions, after a
 * rotation, and a later version already given to a node that does not use it yet, while a rolling restart switches
 * the nodes one by one. The keys a person may have been known by, newest first, end with the unkeyed digest that was
 * the identity key before keys were keyed: an account still holding one of those is the person's, and moves to the
 * current key.
 */
public record IdentityKeyring(VersionedSecret current, List<VersionedSecret> others) {

    public IdentityKeyring {
        Objects.requireNonNull(current, "current");
        others = List.copyOf(others);
        for (VersionedSecret secret : others) {
            if (secret.number() == current.number()) {
                throw new IllegalArgumentException("the current identity-key secret " + current.version() + " is not another version");
            }
        }
        others = others.stream().sorted(Comparator.comparingInt((VersionedSecret secret) -> secret.number()).reversed()).toList();
    }

    public IdentityKey key(PivotIdentity identity) {
        return IdentityKey.of(current, identity);
    }

    /** The other keys this person's account may hold: the other versions' newest first, then the unkeyed one. */
    public List<IdentityKey> formerKeys(PivotIdentity identity) {
        List<IdentityKey> keys = new ArrayList<>();
        for (VersionedSecret secret : others) {
            keys.add(IdentityKey.of(secret, identity));
        }
        keys.add(SubjectKey.of(identity).asUnkeyedIdentityKey());
        return List.copyOf(keys);
    }

    public String version() {
        return current.version();
    }
}
