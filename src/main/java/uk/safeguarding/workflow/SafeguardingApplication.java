package uk.safeguarding.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class SafeguardingApplication {

	public static void main(String[] args) {
		SpringApplication.run(SafeguardingApplication.class, args);
	}

}
