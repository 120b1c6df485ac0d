package com.runtothebeats.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.standins.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * One function of template.yaml, run in this JVM the way the Lambda Java runtime runs it: the handler class
 * is constructed with its no-argument constructor under the function's template Environment (once per
 * "container"), the event is deserialised into the handler's declared input type with the runtime's own
 * serialisers, and the result serialised back to JSON.
 *
 * <p>Like Lambda, a container serves one invocation at a time; concurrent invocations get more containers,
 * which are kept and reused (warm starts).
 */
public final class LocalFunction {

    private final SamTemplate.FunctionDefinition definition;
    private final Map<String, String> environment;
    private final String functionArn;
    private final int memoryMb;
    private final int timeoutSeconds;
    private final Class<?> handlerClass;
    private final Method method;
    private final Type inputType;
    private final Deque<Object> idleContainers = new ArrayDeque<>();
    private final PrintStream log;

    LocalFunction(SamTemplate.FunctionDefinition definition, Map<String, String> environment, String functionArn,
                  int memoryMb, int timeoutSeconds, ClassLoader classLoader, PrintStream log) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.functionArn = functionArn;
        this.memoryMb = memoryMb;
        this.timeoutSeconds = timeoutSeconds;
        this.log = log;
        try {
            this.handlerClass = Class.forName(definition.handlerClass(), false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(definition.logicalId() + ": handler class " + definition.handlerClass()
                    + " is not on the class path (is its module a dependency of local?)", e);
        }
        this.method = handlerMethod(handlerClass, definition.handlerMethod().orElse("handleRequest"));
        this.inputType = RequestStreamHandler.class.isAssignableFrom(handlerClass) && method.getParameterCount() == 3
                ? InputStream.class : method.getGenericParameterTypes()[0];
    }

    public String logicalId() {
        return definition.logicalId();
    }

    public SamTemplate.FunctionDefinition definition() {
        return definition;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** What the handler takes: an events class, a record/POJO, a Map… ({@code InputStream} for stream handlers). */
    public Type inputType() {
        return inputType;
    }

    /** The event JSON deserialised as Lambda would hand it to this handler. */
    public Object deserialize(String eventJson) {
        return serializerFor(inputType).fromJson(eventJson);
    }

    /** Runs the handler on {@code eventJson}; returns the response JSON ({@code null} for a void handler). */
    public String invoke(String eventJson) throws FunctionError {
        Object container = acquire();
        try {
            Context context = new LocalContext(logicalId(), functionArn, memoryMb, timeoutSeconds, log);
            if (inputType == InputStream.class) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                call(container, new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
                return out.toString(StandardCharsets.UTF_8);
            }
            Object input;
            try {
                input = deserialize(eventJson);
            } catch (RuntimeException e) {
                // the runtime reports an event it cannot deserialise as a function error, not a crash
                throw new FunctionError(logicalId(), "Runtime.UnmarshalError",
                        "the event is not a valid " + inputType.getTypeName() + ": " + e.getMessage(), e);
            }
            Object result = method.getParameterCount() == 1 ? call(container, input) : call(container, input, context);
            if (result == null) {
                return method.getReturnType() == void.class ? null : "null";
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            @SuppressWarnings("unchecked")
            PojoSerializer<Object> serializer = (PojoSerializer<Object>) serializerFor(result.getClass());
            serializer.toJson(result, out);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            release(container);
        }
    }

    private Object call(Object container, Object... arguments) throws FunctionError {
        try {
            return method.invoke(container, arguments);
        } catch (InvocationTargetException e) {
            throw FunctionError.thrownBy(logicalId(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + definition.handler(), e);
        }
    }

    private Object acquire() throws FunctionError {
        synchronized (idleContainers) {
            Object idle = idleContainers.pollFirst();
            if (idle != null) {
                return idle;
            }
        }
        return newContainer();
    }

    private void release(Object container) {
        synchronized (idleContainers) {
            idleContainers.addFirst(container);
        }
    }

    /** A cold start: the handler's no-argument constructor, reading the function's environment. */
    private Object newContainer() throws FunctionError {
        try {
            Constructor<?> constructor = handlerClass.getConstructor();
            return LambdaEnvironment.with(environment, () -> {
                try {
                    return constructor.newInstance();
                } catch (InvocationTargetException e) {
                    throw new ContainerInitFailure(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new ContainerInitFailure(e);
                }
            });
        } catch (NoSuchMethodException e) {
            throw new FunctionError(logicalId(), "Runtime.NoSuchConstructor",
                    definition.handlerClass() + " has no public no-argument constructor, which Lambda needs", e);
        } catch (ContainerInitFailure e) {
            FunctionError error = FunctionError.thrownBy(logicalId(), e.getCause());
            throw new FunctionError(logicalId(), error.errorType(), "init failed: " + error.getMessage(), e.getCause());
        }
    }

    private static final class ContainerInitFailure extends RuntimeException {
        ContainerInitFailure(Throwable cause) {
            super(cause);
        }
    }

    /** The method Lambda would call: by name, public, not a bridge, with (input[, Context]) or (in, out[, Context]). */
    static Method handlerMethod(Class<?> handlerClass, String name) {
        Optional<Method> found = Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
                // the most specific input type wins over a generic Object overload
                .min(Comparator.comparing((Method m) -> m.getParameterTypes()[0] == Object.class)
                        .thenComparing(m -> -m.getParameterCount()));
        return found.orElseThrow(() -> new IllegalStateException(handlerClass.getName() + " has no public method " + name));
    }

    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> serializerFor(Type type) {
        if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, c.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
