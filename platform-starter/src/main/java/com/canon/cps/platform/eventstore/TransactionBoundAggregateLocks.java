package com.canon.cps.platform.eventstore;

import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.springframework.beans.BeansException;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.PropertyValue;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Gives every {@code @Aggregate} of the service a {@link TransactionBoundLockFactory} of its own (with the aggregate's
 * cache, if it has one), unless its annotation names a lock factory. Runs after Axon has registered a
 * {@link SpringAggregateConfigurer} per aggregate.
 */
public final class TransactionBoundAggregateLocks implements BeanFactoryPostProcessor {

    static final String SUFFIX = ".transactionBoundLockFactory";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
            return;
        }
        for (String name : beanFactory.getBeanNamesForType(SpringAggregateConfigurer.class, true, false)) {
            BeanDefinition configurer = beanFactory.getBeanDefinition(name);
            MutablePropertyValues properties = configurer.getPropertyValues();
            if (properties.contains("lockFactory")) {
                continue;
            }
            BeanDefinitionBuilder lockFactory = BeanDefinitionBuilder.genericBeanDefinition(
                            TransactionBoundLockFactory.class)
                    .setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            PropertyValue cache = properties.getPropertyValue("cache");
            if (cache != null && cache.getValue() instanceof String cacheBean && !cacheBean.isBlank()) {
                lockFactory.addConstructorArgValue(new RuntimeBeanReference(cacheBean));
            } else {
                lockFactory.addConstructorArgValue(null);
            }
            AbstractBeanDefinition definition = lockFactory.getBeanDefinition();
            registry.registerBeanDefinition(name + SUFFIX, definition);
            properties.add("lockFactory", name + SUFFIX);
        }
    }
}
