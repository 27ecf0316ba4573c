package fr.passerelle.loa;

/** What the broker makes of the level an identity provider came back with. */
public sealed interface LevelVerdict permits Accepted, Refused {
}
