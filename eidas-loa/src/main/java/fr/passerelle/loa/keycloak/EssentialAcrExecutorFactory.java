package fr.passerelle.loa.keycloak;

import fr.passerelle.support.keycloak.PolicyExecutorFactory;

/** Registers {@link EssentialAcrExecutor} as client policy executor {@value #ID}. */
public class EssentialAcrExecutorFactory extends PolicyExecutorFactory {

    public static final String ID = "passerelle-essential-acr";

    public EssentialAcrExecutorFactory() {
        super(ID,
                "Refuses with unmet_authentication_requirements an authorization request whose claims parameter marks acr "
                + "essential with no eIDAS level the broker knows.",
                session -> new EssentialAcrExecutor());
    }
}
