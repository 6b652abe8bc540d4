package uk.safeguarding.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SafeguardingApplication {

	public static void main(String[] args) {
		SpringApplication.run(SafeguardingApplication.class, args);
	}

}
