package dev.imagesync.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: starts Spring, runs one CLI command, exits with its code. */
@SpringBootApplication(scanBasePackages = "dev.imagesync")
@ConfigurationPropertiesScan("dev.imagesync")
public class ImagesyncApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(ImagesyncApplication.class, args)));
    }
}
