package cn.srdi.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modulesRespectTheirBoundariesAndHaveNoCycles() {
        ApplicationModules.of(SrdiApplication.class).verify();
    }
}
