package dev.imagesync.cli;

import dev.imagesync.image.RegistryUrl;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.net.URI;

/** {@code --registry-url}: refused on the command line, in one line, when it is not a registry URL. */
final class RegistryUrlConverter implements ITypeConverter<URI> {

    @Override
    public URI convert(String value) {
        try {
            return RegistryUrl.parse(value.strip());
        } catch (IllegalArgumentException invalid) {
            throw new TypeConversionException(invalid.getMessage());
        }
    }
}
