using System;

namespace CustomerValuation.Warehouse;

/// <summary>A value a generated statement refers to by name; bind it with the driver (values are never written into the SQL text of a statement).</summary>
public sealed class SqlParameter
{
    internal SqlParameter(string name, object value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The parameter's name, without the dialect's marker (<c>as_of</c> for <c>@as_of</c> or <c>:as_of</c>).</summary>
    public string Name { get; }

    /// <summary>The value: a <see cref="DateTime"/> (a date), an <see cref="int"/>, a <see cref="double"/> or a <see cref="string"/>.</summary>
    public object Value { get; }

    /// <summary>The name and value, for logs.</summary>
    /// <returns>For example <c>as_of = 2011-12-10</c>.</returns>
    public override string ToString() =>
        Name + " = " + (Value is DateTime d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture));
}
