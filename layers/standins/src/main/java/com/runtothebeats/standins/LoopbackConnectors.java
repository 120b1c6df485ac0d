package com.runtothebeats.standins;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Binds every Tomcat connector S3Mock declares as a bean to 127.0.0.1. {@code server.address} reaches only
 * Spring Boot's main (HTTPS) connector; S3Mock's plain-HTTP connector, the one we use, would otherwise listen on
 * every interface, letting anyone on the network read or overwrite datasets and models. Added to S3Mock's
 * application context through {@code spring.main.sources}, so the address is set before Tomcat binds.
 */
public class LoopbackConnectors implements BeanPostProcessor {

    static final String LOOPBACK = "127.0.0.1";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Connector connector) {
            connector.setProperty("address", LOOPBACK);
        }
        return bean;
    }
}
