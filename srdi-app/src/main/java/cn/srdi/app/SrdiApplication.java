package cn.srdi.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The SRDI platform: a modular monolith. Each direct sub-package is a module (Spring Modulith):
 * {@code identity}, {@code audit}, {@code web}, {@code registry}, {@code grading},
 * {@code dashboard}, {@code demo}. Types in a module's base package are its API; sub-packages
 * are internal.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class SrdiApplication {

    public static void main(String[] args) {
        SpringApplication.run(SrdiApplication.class, args);
    }
}
