package com.runtothebeats.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Proxy;

/** Lambda contexts for tests of what the handler bases do with one. */
final class LambdaContexts {

    private LambdaContexts() {
    }

    /** A Lambda context naming the function and the request; whatever else logging asks for is empty. */
    static Context of(String functionName, String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getFunctionName" -> functionName;
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:local:000000000000:function:" + functionName;
                    case "getMemoryLimitInMB", "getRemainingTimeInMillis" -> 0;
                    case "toString" -> "context of " + functionName;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
