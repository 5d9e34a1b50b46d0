package cn.srdi.app.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Loads the demo region on first start (empty registry, {@code srdi.demo.enabled=true}). */
@Component
class DemoStartup implements ApplicationRunner {

    private final DemoRegion demo;

    DemoStartup(DemoRegion demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.needed()) {
            demo.load();
        }
    }
}
