package cn.dangjian.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that uses the starter the way real services do. */
@SpringBootApplication
public class StarterTestApplication {}
